package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// natives lists the native languages: each scanner and the names that
// select it, the first being the language's own.
var natives = []lang{
	{goLang.scan, "go golang"},
	{python.scan, "python py python3 py3"},
	{javascript.scan, "javascript js mjs cjs"},
	{scanRust, "rust rs"},
	{cLang.scan, "c h"},
	{csharp.scan, "csharp cs c#"},
	{protobuf.scan, "protobuf proto proto3"},
	{scanSQL, "sql psql sqlite sqlite3"},
	{scanJSON, "json jsonc json5"},
	{scanYAML, "yaml yml"},
	{scanTOML, "toml"},
	{scanBash, "bash sh shell zsh ksh"},
	{scanConsole, "console shell-session shellsession bash-session"},
	{scanDiff, "diff patch udiff"},
	{scanDockerfile, "dockerfile docker containerfile"},
	{scanMakefile, "makefile make mf bsdmake"},
}

// scanners maps each native language name and alias, in lower case, to
// its scanner. It is built at init and only read after.
var scanners = names(natives...)

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

// wordTypes builds a read-only table of words and their types.
func wordTypes(groups ...group) map[string]chroma.TokenType {
	m := make(map[string]chroma.TokenType)
	for _, g := range groups {
		for _, k := range strings.Fields(g.words) {
			m[k] = g.t
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
	kr  = chroma.KeywordReserved
	kt  = chroma.KeywordType
	nb  = chroma.NameBuiltin
	bp  = chroma.NameBuiltinPseudo
	nc  = chroma.NameClass
	ne  = chroma.NameException
	nf  = chroma.NameFunction
	nn  = chroma.NameNamespace
	ow  = chroma.OperatorWord
	str = chroma.LiteralString
	s1  = chroma.LiteralStringSingle
	s2  = chroma.LiteralStringDouble
	sb  = chroma.LiteralStringBacktick
	sc  = chroma.LiteralStringChar
)

// The comments of C and its descendants.
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
	calls:       true,
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
	// The words of chroma's Python lexer; match and case are keywords
	// wherever they are, as there.
	keywords: []group{
		{kw, "assert async await break continue del elif else except finally for global if lambda nonlocal pass raise return try while with yield as match case", 0},
		{kw, "def", nf},
		{kw, "class", nc},
		{kn, "import from", nn},
		{ow, "and or not in is", 0},
		{kc, "True False None", 0},
		{nb, "__import__ abs all any bin bool bytearray bytes chr classmethod compile complex delattr dict dir divmod enumerate eval filter float format frozenset getattr globals hasattr hash hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord pow print property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip", 0},
		{bp, "Ellipsis NotImplemented cls self", 0},
		{ne, "ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError EnvironmentError Exception FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning VMSError ValueError Warning WindowsError ZeroDivisionError", 0},
		{chroma.NameFunctionMagic, "__abs__ __add__ __aenter__ __aexit__ __aiter__ __and__ __anext__ __await__ __bool__ __bytes__ __call__ __complex__ __contains__ __del__ __delattr__ __delete__ __delitem__ __dir__ __divmod__ __enter__ __eq__ __exit__ __float__ __floordiv__ __format__ __ge__ __get__ __getattr__ __getattribute__ __getitem__ __gt__ __hash__ __iadd__ __iand__ __ifloordiv__ __ilshift__ __imatmul__ __imod__ __imul__ __index__ __init__ __instancecheck__ __int__ __invert__ __ior__ __ipow__ __irshift__ __isub__ __iter__ __itruediv__ __ixor__ __le__ __len__ __length_hint__ __lshift__ __lt__ __matmul__ __missing__ __mod__ __mul__ __ne__ __neg__ __new__ __next__ __or__ __pos__ __pow__ __prepare__ __radd__ __rand__ __rdivmod__ __repr__ __reversed__ __rfloordiv__ __rlshift__ __rmatmul__ __rmod__ __rmul__ __ror__ __round__ __rpow__ __rrshift__ __rshift__ __rsub__ __rtruediv__ __rxor__ __set__ __setattr__ __setitem__ __str__ __sub__ __subclasscheck__ __truediv__ __xor__", 0},
		{chroma.NameVariableMagic, "__annotations__ __bases__ __class__ __closure__ __code__ __defaults__ __dict__ __doc__ __file__ __func__ __globals__ __kwdefaults__ __module__ __mro__ __name__ __objclass__ __qualname__ __self__ __slots__ __weakref__", 0},
	},
	decorators: true,
	pyImports:  true,
	punct:      ":",
})

// jsWords are JavaScript's names with a type of their own.
var jsWords = []group{
	{kw, "for in while do break return continue switch case default if else throw try catch finally new delete typeof instanceof void yield this of", 0},
	{kd, "var let with function", 0},
	{kr, "abstract async await boolean byte char class const debugger double enum export extends final float goto implements import int interface long native package private protected public short static super synchronized throws transient using volatile", 0},
	{kc, "true false null NaN Infinity undefined", 0},
	{nb, "Array Boolean Date Error Function Math Number Object RegExp String Promise Proxy decodeURI decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN isSafeInteger parseFloat parseInt document window", 0},
}

// jsQuotes are JavaScript's strings.
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

// cWords are C's names with a type of their own.
var cWords = []group{
	{kw, "restricted volatile continue register default typedef struct extern switch sizeof static return union while const break goto enum else case auto for asm if do inline restrict _Bool _Noreturn _Static_assert _Thread_local _Alignas _Alignof", 0},
	{kt, "bool int long float short double char char8_t char16_t char32_t wchar_t unsigned signed void size_t ssize_t ptrdiff_t intptr_t uintptr_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t off_t pid_t time_t", 0},
	{nb, "true false NULL", 0},
}

// cQuotes are C's strings.
var cQuotes = []quote{
	{delim: `"`, t: str},
	{delim: `'`, t: sc, char: true},
}

var cLang = compile(&spec{
	calls:        true,
	lineComments: slashComments,
	blockComment: cBlock,
	quotes:       cQuotes,
	showEscapes:  true,
	keywords:     cWords,
	preproc:      true,
	punct:        ".",
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
	opPunct:     true,
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
