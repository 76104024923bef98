package highlight

import (
	"github.com/alecthomas/chroma/v2"
)

// sqlWords types the words chroma's SQL lexer knows, in lower case:
// keywords (k) and type names (nb). Its keyword END-EXEC is matched apart.
var sqlWords = wordTypes(
	group{chroma.Keyword, `abort abs absolute access ada add admin after aggregate alias all allocate
		alter analyse analyze and any are as asc asensitive assertion assignment
		asymmetric at atomic authorization avg backward before begin between
		bit_length bitvar both breadth by c cache call called cardinality cascade
		cascaded case cast catalog catalog_name chain char_length character_length
		character_set_catalog character_set_name character_set_schema
		characteristics check checked checkpoint class class_origin clob close
		cluster coalsece cobol collate collation collation_catalog collation_name
		collation_schema column column_name command_function command_function_code
		comment commit committed completion condition_number connect connection
		connection_name constraint constraint_catalog constraint_name
		constraint_schema constraints constructor contains continue conversion
		convert copy corresponting count create createdb createuser cross cube
		current current_date current_path current_role current_time
		current_timestamp current_user cursor cursor_name cycle data database
		datetime_interval_code datetime_interval_precision day deallocate declare
		default defaults deferrable deferred defined definer delete delimiter
		delimiters deref desc describe descriptor destroy destructor deterministic
		diagnostics dictionary disconnect dispatch distinct do domain drop dynamic
		dynamic_function dynamic_function_code each else elsif encoding encrypted
		end equals escape every except exception excluding exclusive exec execute
		existing exists explain external extract false fetch final first for force
		foreign fortran forward found free freeze from full function g general
		generated get global go goto grant granted group grouping handler having
		hierarchy hold host identity if ignore ilike immediate immutable
		implementation implicit in including increment index inditcator infix
		inherits initialize initially inner inout input insensitive insert
		instantiable instead intersect into invoker is isnull isolation iterate join
		key key_member key_type lancompiler language large last lateral leading left
		length less level like limit listen load local localtime localtimestamp
		location locator lock lower map match max maxvalue message_length
		message_octet_length message_text method min minute minvalue mod mode
		modifies modify month more move mumps names national natural nchar nclob new
		next no nocreatedb nocreateuser none not nothing notify notnull null
		nullable nullif object octet_length of off offset oids old on only open
		operation operator option options or order ordinality out outer output
		overlaps overlay overriding owner pad paramater_name
		paramater_ordinal_position paramater_specific_schema parameter
		parameter_mode parameter_specific_catalog parameter_specific_name parameters
		partial pascal pendant placing pli position postfix precision prefix
		preorder prepare preserve primary prior privileges procedural procedure
		public read reads recheck recursive ref references referencing reindex
		relative rename repeatable replace reset restart restrict result return
		returned_length returned_octet_length returned_sqlstate returns revoke right
		role rollback rollup routine routine_catalog routine_name routine_schema row
		row_count rows rule save_point scale schema schema_name scope scroll search
		second security select self sensitive serializable server_name session
		session_user set setof sets share show similar simple size some source space
		specific specific_name specifictype sql sqlcode sqlerror sqlexception
		sqlstate sqlwarninig stable start state statement static statistics stdin
		stdout storage strict structure stype subclass_origin sublist substring sum
		symmetric sysid system system_user table table_name template temporary
		terminate than then timestamp timezone_hour timezone_minute to toast
		trailing transaction transaction_active transactions_committed
		transactions_rolled_back transform transforms translate translation treat
		trigger trigger_catalog trigger_name trigger_schema trim true truncate
		trusted type uncommitted under unencrypted union unique unknown unlisten
		unnamed unnest until update upper usage user user_defined_type_catalog
		user_defined_type_name user_defined_type_schema using vacuum valid validator
		values variable verbose version view volatile when whenever where with
		without work write year zone`, 0},
	group{chroma.NameBuiltin, `array bigint binary bit blob boolean char character date dec decimal float
		int int8 integer interval number numeric real serial serial8 smallint text
		varchar varying`, 0},
)

// scanSQL writes SQL as chroma's SQL lexer does: -- and nested /* */
// comments (c1, cm), strings in single and double quotes (s1, s2), which
// may span lines and double their quote to hold it, keywords (k) and type
// names (nb) in any case, integers (mi), operators (o) and ; : ( ) [ ] , .
// as p. Other names, called or not, are plain; so is what the lexer does
// not know ($, { }).
func scanSQL(w *writer, src []byte) {
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch {
		case isSpace(c):
			j := skipSpace(src, i)
			w.plain(src[i:j])
			i = j
		case c == '-' && at(src, i+1, "-"):
			j := min(lineEnd(src, i)+1, n)
			w.token(chroma.CommentSingle, src[i:j])
			i = j
		case c == '/' && at(src, i+1, "*"):
			j := nestedComment(src, i)
			w.token(chroma.CommentMultiline, src[i:j])
			i = j
		case c == '\'' || c == '"':
			j := doubledQuote(src, i)
			t := chroma.LiteralStringSingle
			if c == '"' {
				t = chroma.LiteralStringDouble
			}
			w.token(t, src[i:j])
			i = j
		case isLetter(c) || c == '_':
			j := i + 1
			for j < n && isWordByte(src[j]) {
				j++
			}
			t, ok := sqlWord(src[i:j])
			if ok {
				if t == chroma.Keyword && j-i == 3 && at(src, j, "-") && sqlFold(src[j+1:min(j+5, n)], "exec") && (j+5 == n || !isWordByte(src[j+5])) {
					j += 5 // END-EXEC
				}
				w.token(t, src[i:j])
				i = j
				continue
			}
			for j < n && (isWordByte(src[j]) || src[j] == '$') {
				j++
			}
			w.plain(src[i:j])
			i = j
		case isDigit(c):
			j := digits0(src, i)
			w.token(chroma.LiteralNumberInteger, src[i:j])
			i = j
		case isSQLOperator(c):
			w.token(chroma.Operator, src[i:i+1])
			i++
		case c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == '.':
			w.token(chroma.Punctuation, src[i:i+1])
			i++
		default:
			i = plainRune(w, src, i)
		}
	}
}

// isSQLOperator reports whether c is one of the operators of chroma's
// SQL lexer.
func isSQLOperator(c byte) bool {
	switch c {
	case '+', '*', '/', '<', '>', '=', '~', '!', '@', '#', '%', '^', '&', '|', '`', '?', '-':
		return true
	}
	return false
}

// sqlWord returns the type of a word chroma's SQL lexer knows, whatever
// its case.
func sqlWord(word []byte) (chroma.TokenType, bool) {
	var lower [32]byte
	if len(word) > len(lower) {
		return 0, false
	}
	for i, c := range word {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	t, ok := sqlWords[string(lower[:len(word)])]
	return t, ok
}

// sqlFold reports whether b is s (lower case) in any case.
func sqlFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		if b[i]|0x20 != s[i] {
			return false
		}
	}
	return true
}

// doubledQuote returns the end of the string quoted by src[i], in which
// the quote written twice stands for itself, or len(src).
func doubledQuote(src []byte, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		if src[j] == q {
			if j+1 < len(src) && src[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(src)
}

// nestedComment returns the end of the /* */ comment starting at src[i],
// in which comments nest, or len(src).
func nestedComment(src []byte, i int) int {
	depth := 0
	for j := i; j < len(src); {
		switch {
		case at(src, j, "/*"):
			depth++
			j += 2
		case at(src, j, "*/"):
			j += 2
			if depth--; depth == 0 {
				return j
			}
		default:
			j++
		}
	}
	return len(src)
}
