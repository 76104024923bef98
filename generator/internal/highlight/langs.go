package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// scanners maps each native language name and alias, in lower case, to
// its scanner. It is built at init and only read after.
var scanners = names(
	lang{goLang.scan, "go golang"},
	lang{python.scan, "python py python3 py3"},
	lang{javascript.scan, "javascript js jsx mjs cjs"},
	lang{typescript.scan, "typescript ts tsx mts"},
	lang{rust.scan, "rust rs"},
	lang{java.scan, "java"},
	lang{kotlin.scan, "kotlin kt kts"},
	lang{cLang.scan, "c h"},
	lang{cpp.scan, "cpp c++ cc cxx hpp"},
	lang{csharp.scan, "csharp cs c#"},
	lang{hcl.scan, "hcl terraform tf"},
	lang{protobuf.scan, "protobuf proto proto3"},
	lang{sql.scan, "sql postgres postgresql psql mysql sqlite sqlite3 plpgsql"},
	lang{ruby.scan, "ruby rb"},
	lang{scanJSON, "json jsonc json5"},
	lang{scanYAML, "yaml yml"},
	lang{scanTOML, "toml"},
	lang{scanBash, "bash sh shell zsh ksh"},
	lang{scanConsole, "console shell-session shellsession bash-session"},
	lang{scanDiff, "diff patch udiff"},
	lang{scanDockerfile, "dockerfile docker containerfile"},
	lang{scanMakefile, "makefile make mf bsdmake"},
)

// A lang is a scanner and the names that select it.
type lang struct {
	scan  func(*writer, []byte)
	names string
}

// names builds scanners.
func names(langs ...lang) map[string]func(*writer, []byte) {
	m := make(map[string]func(*writer, []byte))
	for _, l := range langs {
		for _, name := range strings.Fields(l.names) {
			m[name] = l.scan
		}
	}
	return m
}

// Token types used in the tables below, named short to keep them readable.
const (
	kw  = chroma.Keyword
	kc  = chroma.KeywordConstant
	kd  = chroma.KeywordDeclaration
	kn  = chroma.KeywordNamespace
	kp  = chroma.KeywordPseudo
	kr  = chroma.KeywordReserved
	kt  = chroma.KeywordType
	nb  = chroma.NameBuiltin
	bp  = chroma.NameBuiltinPseudo
	nc  = chroma.NameClass
	ne  = chroma.NameException
	nf  = chroma.NameFunction
	nn  = chroma.NameNamespace
	py  = chroma.NameProperty
	ow  = chroma.OperatorWord
	str = chroma.LiteralString
	s1  = chroma.LiteralStringSingle
	s2  = chroma.LiteralStringDouble
	sb  = chroma.LiteralStringBacktick
	sc  = chroma.LiteralStringChar
	txt = chroma.Name
)

// The comments of C and its many descendants.
var (
	slashComments = []string{"//"}
	cBlock        = [2]string{"/*", "*/"}
)

var goLang = compile(&spec{
	lineComments: slashComments,
	blockComment: cBlock,
	quotes: []quote{
		{delim: `"`, t: str},
		{delim: "`", t: str, esc: escNone, multi: true},
		{delim: `'`, t: sc, char: true},
	},
	keywords: []group{
		{kd, "var func struct map chan type interface const", 0},
		{kn, "import package", 0},
		{kw, "break default select case defer go else goto switch fallthrough if range continue for return", 0},
		{kc, "true false iota nil", 0},
		{kt, "uint uint8 uint16 uint32 uint64 int int8 int16 int32 int64 float32 float64 complex64 complex128 byte rune string bool error uintptr any comparable", 0},
		{nb, "print println panic recover close complex real imag len cap append copy delete new make clear min max", 0},
	},
	builtinCall: true,
	punct:       "<>=!|^:.~",
})

var python = compile(&spec{
	lineComments: []string{"#"},
	quotes: []quote{
		{delim: `"""`, t: s2, multi: true},
		{delim: `'''`, t: s1, multi: true},
		{delim: `"`, t: s2},
		{delim: `'`, t: s1},
	},
	prefixes:    "rRbBuUfF",
	affix:       true,
	showEscapes: true,
	keywords: []group{
		{kw, "assert async await break continue del elif else except finally for global if lambda nonlocal pass raise return try while with yield as", 0},
		{kw, "def", nf},
		{kw, "class", nc},
		{kn, "import from", nn},
		{ow, "and or not in is", 0},
		{kc, "True False None", 0},
		{nb, "abs all any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord pow print property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip __import__", 0},
		{bp, "self cls Ellipsis NotImplemented", 0},
		{ne, "ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError ConnectionError EOFError Exception FileExistsError FileNotFoundError GeneratorExit ImportError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError NotImplementedError OSError OverflowError PermissionError RecursionError RuntimeError StopIteration SyntaxError SystemExit TimeoutError TypeError UnicodeDecodeError UnicodeEncodeError ValueError ZeroDivisionError DeprecationWarning UserWarning Warning", 0},
	},
	decorators: true,
	punct:      ":",
})

// jsWords are the names JavaScript and TypeScript share.
var jsWords = []group{
	{kw, "for in while do break return continue switch case default if else throw try catch finally new delete typeof instanceof void yield this of", 0},
	{kd, "var let with function", 0},
	{kr, "abstract async await boolean byte char class const debugger double enum export extends final float goto implements import int interface long native package private protected public short static super synchronized throws transient using volatile", 0},
	{kc, "true false null NaN Infinity undefined", 0},
	{nb, "Array Boolean Date Error Function Math Number Object RegExp String Promise Proxy decodeURI decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN isSafeInteger parseFloat parseInt document window", 0},
}

// jsQuotes are the strings of JavaScript and TypeScript.
var jsQuotes = []quote{
	{delim: `"`, t: s2},
	{delim: `'`, t: s1},
	{delim: "`", t: sb, multi: true, interp: dollarBrace},
}

var javascript = compile(&spec{
	lineComments: slashComments,
	blockComment: cBlock,
	quotes:       jsQuotes,
	keywords:     jsWords,
	regex:        true,
	dollarIdent:  true,
	decorators:   true,
	punct:        ".",
})

var typescript = compile(&spec{
	lineComments: slashComments,
	blockComment: cBlock,
	quotes:       jsQuotes,
	keywords: append(jsWords[:len(jsWords):len(jsWords)],
		group{kr, "from get global namespace readonly require set type declare as constructor keyof infer is satisfies", 0},
		group{kt, "string bool number any never object symbol unique unknown bigint", 0},
	),
	regex:       true,
	dollarIdent: true,
	decorators:  true,
	punct:       ".",
})

var rust = compile(&spec{
	lineComments: slashComments,
	docComments:  []string{"///", "//!"},
	blockComment: cBlock,
	nested:       true,
	quotes: []quote{
		{delim: `"`, t: str, multi: true},
		{delim: `'`, t: sc, char: true},
	},
	prefixes:    "br",
	affix:       true,
	rawHashes:   true,
	showEscapes: true,
	keywords: []group{
		{kw, "as async await box break const continue crate dyn else extern for if impl in loop match move mut pub ref return static super trait unsafe use where while", 0},
		{kw, "fn", nf},
		{kw, "struct enum union", nc},
		{kw, "mod", nn},
		{kd, "let type", 0},
		{kr, "abstract become do final macro override priv try typeof unsized virtual yield", 0},
		{kt, "isize usize bool char u128 i128 i64 i32 i16 str u64 u32 f32 f64 u16 i8 u8", 0},
		{kc, "true false", 0},
		{nb, "Some None Ok Err String Vec Option Result Box", 0},
		{bp, "self Self", 0},
	},
	hashAttr:  true,
	macros:    true,
	lifetimes: true,
	punct:     ".:",
})

var java = compile(&spec{
	lineComments: slashComments,
	blockComment: cBlock,
	quotes: []quote{
		{delim: `"""`, t: str, multi: true},
		{delim: `"`, t: str},
		{delim: `'`, t: sc, char: true},
	},
	keywords: []group{
		{kw, "assert break case catch continue default do else finally for if goto instanceof new return switch this throw try while", 0},
		{kd, "abstract const enum exports extends final implements native non-sealed open opens permits private protected provides public requires sealed static strictfp super synchronized throws to transient transitive uses volatile with yield var", 0},
		{kd, "class interface record", nc},
		{kt, "boolean byte char double float int long short void", 0},
		{kc, "true false null", 0},
		{kn, "package import", nn},
	},
	decorators:  true,
	dollarIdent: true,
	punct:       ".:",
})

var kotlin = compile(&spec{
	lineComments: slashComments,
	blockComment: cBlock,
	nested:       true,
	quotes: []quote{
		{delim: `"""`, t: str, esc: escNone, multi: true, interp: dollarName},
		{delim: `"`, t: s2, interp: dollarName},
		{delim: `'`, t: sc, char: true},
	},
	keywords: []group{
		{kw, "abstract actual annotation as break by catch companion const constructor continue crossinline data delegate do dynamic else enum expect external false field file final finally for get if in infix init inline inner internal is it lateinit noinline null open operator out override param private property protected public receiver reified return sealed set setparam super suspend tailrec this throw true try typealias typeof value vararg when where while", 0},
		{kw, "class interface object", nc},
		{kw, "fun", nf},
		{kw, "val var", py},
		{kw, "package import", nn},
	},
	decorators: true,
	punct:      "=+-*/%<>!:.?",
})

// cWords are the names C and C++ share.
var cWords = []group{
	{kw, "restricted volatile continue register default typedef struct extern switch sizeof static return union while const break goto enum else case auto for asm if do inline restrict _Bool _Noreturn _Static_assert _Thread_local _Alignas _Alignof", 0},
	{kt, "bool int long float short double char char8_t char16_t char32_t wchar_t unsigned signed void size_t ssize_t ptrdiff_t intptr_t uintptr_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t off_t pid_t time_t", 0},
	{nb, "true false NULL", 0},
}

// cQuotes are the strings of C and C++.
var cQuotes = []quote{
	{delim: `"`, t: str},
	{delim: `'`, t: sc, char: true},
}

var cLang = compile(&spec{
	lineComments: slashComments,
	blockComment: cBlock,
	quotes:       cQuotes,
	showEscapes:  true,
	keywords:     cWords,
	preproc:      true,
	punct:        ".",
})

var cpp = compile(&spec{
	lineComments: slashComments,
	blockComment: cBlock,
	quotes:       cQuotes,
	showEscapes:  true,
	keywords: append(cWords[:len(cWords):len(cWords)],
		group{kw, "alignas alignof catch co_await co_return co_yield concept const_cast consteval constexpr constinit decltype delete dynamic_cast explicit export final friend mutable namespace new noexcept nullptr operator override private protected public reinterpret_cast requires static_assert static_cast template this thread_local throw try typeid typename using virtual", 0},
		group{kw, "class struct enum union", nc},
	),
	preproc: true,
	punct:   ".",
})

var csharp = compile(&spec{
	lineComments: slashComments,
	blockComment: cBlock,
	quotes: []quote{
		{delim: `"`, t: str},
		{delim: `'`, t: sc, char: true},
	},
	prefixes: "@$",
	keywords: []group{
		{kw, "as await base break by case catch checked continue default delegate do else event finally fixed for foreach goto if in init is let lock new on out params readonly ref return sizeof stackalloc switch this throw try typeof unchecked virtual void while get set yield add remove value alias ascending descending from group into orderby select thenby where join equals", 0},
		{kw, "namespace using", nn},
		{kw, "class struct record interface", nc},
		{kd, "abstract async const enum explicit extern implicit internal operator override partial private protected public static sealed unsafe volatile", 0},
		{kt, "bool byte char decimal double dynamic float int long object sbyte short string uint ulong ushort var nint nuint", 0},
		{kc, "true false null", 0},
	},
	preproc:     true,
	bracketAttr: true,
	number:      chroma.LiteralNumber,
	punct:       "=.:<>!+-*/%&|^~?",
})

var hcl = compile(&spec{
	lineComments: []string{"#", "//"},
	blockComment: cBlock,
	quotes: []quote{
		{delim: `"`, t: s2, interp: dollarBrace},
	},
	keywords: []group{
		{kw, "resource data variable output module provider locals terraform moved import check removed backend required_providers dynamic content for in if var local each self path count", 0},
		{kc, "true false null", 0},
		{kt, "string number bool list map set object tuple any", 0},
	},
	heredocs:   true,
	assignAttr: true,
	number:     chroma.LiteralNumber,
	punct:      ".",
})

var protobuf = compile(&spec{
	lineComments: slashComments,
	blockComment: cBlock,
	quotes: []quote{
		{delim: `"`, t: str},
		{delim: `'`, t: str},
	},
	keywords: []group{
		{kw, "ctype default edition export local max option optional packed public repeated required reserved returns stream syntax to weak", 0},
		{kn, "import", 0},
		{kn, "package", nn},
		{kd, "enum group oneof rpc service map extend extensions", 0},
		{kd, "message", nc},
		{kt, "sfixed32 sfixed64 fixed32 fixed64 sint32 sint64 double string uint32 uint64 int32 float int64 bytes bool", 0},
		{kc, "true false", 0},
	},
	punct: ".",
})

var sql = compile(&spec{
	lineComments: []string{"--"},
	blockComment: cBlock,
	quotes: []quote{
		{delim: `'`, t: s1, esc: escNone, multi: true, doubled: true},
		{delim: `"`, t: s2, esc: escNone, multi: true, doubled: true},
		{delim: "`", t: txt, esc: escNone, doubled: true},
	},
	foldCase: true,
	keywords: []group{
		{kw, `abort action add after all alter always analyze and any array_agg as asc at authorization avg before begin between both by call cascade case cast check checkpoint close cluster coalesce collate column comment commit concurrently conflict constraint copy count create cross cube current current_date current_time current_timestamp current_user cursor cycle database deallocate declare default deferrable deferred definer delete desc describe distinct do drop each else elsif end enum escape except exception exclude execute exists explain extension extract false fetch filter first following for foreign from full function generated grant group grouping having if ilike immutable in index inherits initially inner insert instead intersect into invoker is isnull join key language last lateral leading left like limit listen local lock loop lower materialized max merge min natural next no not nothing notify notnull now null nullif nulls of off offset on only or order ordinality outer over overlaps owner partition perform placing policy preceding prepare primary procedure raise range recursive references refresh reindex release rename replace restrict return returning returns revoke right role rollback rollup row rows savepoint schema security select sequence session_user set setof show similar some stable start stored strict substring sum symmetric table tablespace temp temporary then ties to trailing transaction trigger trim true truncate type unbounded union unique unknown unlogged update upper usage use user using vacuum values variadic verbose view volatile when where while window with within without zone auto_increment engine`, 0},
		{nb, "bigint bigserial binary bit blob bool boolean bytea char character cidr clob date datetime decimal double float float4 float8 inet int int2 int4 int8 integer interval json jsonb mediumint money numeric precision real serial serial4 serial8 smallint smallserial text time timestamp timestamptz timetz tinyint uuid varbinary varchar varying xml", 0},
	},
	sqlDollar: true,
	punct:     ".",
})

var ruby = compile(&spec{
	lineComments: []string{"#"},
	quotes: []quote{
		{delim: `"`, t: s2, multi: true, interp: hashBrace},
		{delim: `'`, t: s1, esc: escSkip, multi: true},
		{delim: "`", t: sb, multi: true, interp: hashBrace},
	},
	showEscapes: true,
	keywords: []group{
		{kw, "defined? return ensure rescue unless undef until break begin elsif super alias while retry BEGIN raise yield redo next case when then else end for END do if in", 0},
		{kw, "def", nf},
		{kw, "class", nc},
		{kw, "module", nn},
		{kp, "module_function attr_accessor attr_reader attr_writer initialize protected include private extend public false catch throw attr loop true new nil", 0},
		{ow, "not and or", 0},
		{nb, "puts print p pp require require_relative self lambda proc format sprintf gets Integer Float String Array Hash", 0},
	},
	regex:      true,
	rubyVars:   true,
	predicates: true,
	punct:      "",
})
