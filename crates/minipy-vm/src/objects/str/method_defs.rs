//! `str`'s method table (CPython's `unicode_methods`), with CPython's
//! docstrings and text signatures.

use super::{format, methods, str_getnewargs, str_sizeof};
use crate::objects::typeobj::MethodDef;

pub(super) static METHODS: &[MethodDef] = &[
    MethodDef::method("encode", methods::encode)
        .doc("encode($self, /, encoding='utf-8', errors='strict')\n--\n\nEncode the string using the codec registered for encoding.\n\n  encoding\n    The encoding in which to encode the string.\n  errors\n    The error handling scheme to use for encoding errors.\n    The default is 'strict' meaning that encoding errors raise a\n    UnicodeEncodeError.  Other possible values are 'ignore', 'replace' and\n    'xmlcharrefreplace' as well as any other name registered with\n    codecs.register_error that can handle UnicodeEncodeErrors."),
    MethodDef::method("replace", methods::replace)
        .doc("replace($self, old, new, count=-1, /)\n--\n\nReturn a copy with all occurrences of substring old replaced by new.\n\n  count\n    Maximum number of occurrences to replace.\n    -1 (the default value) means replace all occurrences.\n\nIf the optional argument count is given, only the first count occurrences are\nreplaced."),
    MethodDef::method("split", methods::split)
        .doc("split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string.\n\n  sep\n    The separator used to split the string.\n\n    When set to None (the default value), will split on any whitespace\n    character (including \\n \\r \\t \\f and spaces) and will discard\n    empty strings from the result.\n  maxsplit\n    Maximum number of splits (starting from the left).\n    -1 (the default value) means no limit.\n\nNote, str.split() is mainly useful for data that has been intentionally\ndelimited.  With natural text that includes punctuation, consider using\nthe regular expression module."),
    MethodDef::method("rsplit", methods::rsplit)
        .doc("rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string.\n\n  sep\n    The separator used to split the string.\n\n    When set to None (the default value), will split on any whitespace\n    character (including \\n \\r \\t \\f and spaces) and will discard\n    empty strings from the result.\n  maxsplit\n    Maximum number of splits (starting from the left).\n    -1 (the default value) means no limit.\n\nSplitting starts at the end of the string and works to the front."),
    MethodDef::method("join", methods::join)
        .doc("join($self, iterable, /)\n--\n\nConcatenate any number of strings.\n\nThe string whose method is called is inserted in between each given string.\nThe result is returned as a new string.\n\nExample: '.'.join(['ab', 'pq', 'rs']) -> 'ab.pq.rs'"),
    MethodDef::method("capitalize", methods::capitalize)
        .doc("capitalize($self, /)\n--\n\nReturn a capitalized version of the string.\n\nMore specifically, make the first character have upper case and the rest lower\ncase."),
    MethodDef::method("casefold", methods::casefold)
        .doc("casefold($self, /)\n--\n\nReturn a version of the string suitable for caseless comparisons."),
    MethodDef::method("title", methods::title)
        .doc("title($self, /)\n--\n\nReturn a version of the string where each word is titlecased.\n\nMore specifically, words start with uppercased characters and all remaining\ncased characters have lower case."),
    MethodDef::method("center", methods::center)
        .doc("center($self, width, fillchar=' ', /)\n--\n\nReturn a centered string of length width.\n\nPadding is done using the specified fill character (default is a space)."),
    MethodDef::method("count", methods::count)
        .doc("S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of substring sub in\nstring S[start:end].  Optional arguments start and end are\ninterpreted as in slice notation."),
    MethodDef::method("expandtabs", methods::expandtabs)
        .doc("expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces.\n\nIf tabsize is not given, a tab size of 8 characters is assumed."),
    MethodDef::method("find", methods::find)
        .doc("S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."),
    MethodDef::method("partition", methods::partition)
        .doc("partition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator.\n\nThis will search for the separator in the string.  If the separator is found,\nreturns a 3-tuple containing the part before the separator, the separator\nitself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing the original string\nand two empty strings."),
    MethodDef::method("index", methods::index)
        .doc("S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the substring is not found."),
    MethodDef::method("ljust", methods::ljust)
        .doc("ljust($self, width, fillchar=' ', /)\n--\n\nReturn a left-justified string of length width.\n\nPadding is done using the specified fill character (default is a space)."),
    MethodDef::method("lower", methods::lower)
        .doc("lower($self, /)\n--\n\nReturn a copy of the string converted to lowercase."),
    MethodDef::method("lstrip", methods::lstrip)
        .doc("lstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead."),
    MethodDef::method("rfind", methods::rfind)
        .doc("S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."),
    MethodDef::method("rindex", methods::rindex)
        .doc("S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the substring is not found."),
    MethodDef::method("rjust", methods::rjust)
        .doc("rjust($self, width, fillchar=' ', /)\n--\n\nReturn a right-justified string of length width.\n\nPadding is done using the specified fill character (default is a space)."),
    MethodDef::method("rstrip", methods::rstrip)
        .doc("rstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with trailing whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead."),
    MethodDef::method("rpartition", methods::rpartition)
        .doc("rpartition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator.\n\nThis will search for the separator in the string, starting at the end. If\nthe separator is found, returns a 3-tuple containing the part before the\nseparator, the separator itself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing two empty strings\nand the original string."),
    MethodDef::method("splitlines", methods::splitlines)
        .doc("splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the string, breaking at line boundaries.\n\nLine breaks are not included in the resulting list unless keepends is given and\ntrue."),
    MethodDef::method("strip", methods::strip)
        .doc("strip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading and trailing whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead."),
    MethodDef::method("swapcase", methods::swapcase)
        .doc("swapcase($self, /)\n--\n\nConvert uppercase characters to lowercase and lowercase characters to uppercase."),
    MethodDef::method("translate", methods::translate)
        .doc("translate($self, table, /)\n--\n\nReplace each character in the string using the given translation table.\n\n  table\n    Translation table, which must be a mapping of Unicode ordinals to\n    Unicode ordinals, strings, or None.\n\nThe table must implement lookup/indexing via __getitem__, for instance a\ndictionary or list.  If this operation raises LookupError, the character is\nleft untouched.  Characters mapped to None are deleted."),
    MethodDef::method("upper", methods::upper)
        .doc("upper($self, /)\n--\n\nReturn a copy of the string converted to uppercase."),
    MethodDef::method("startswith", methods::startswith)
        .doc("S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if S starts with the specified prefix, False otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\nprefix can also be a tuple of strings to try."),
    MethodDef::method("endswith", methods::endswith)
        .doc("S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if S ends with the specified suffix, False otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\nsuffix can also be a tuple of strings to try."),
    MethodDef::method("removeprefix", methods::removeprefix)
        .doc("removeprefix($self, prefix, /)\n--\n\nReturn a str with the given prefix string removed if present.\n\nIf the string starts with the prefix string, return string[len(prefix):].\nOtherwise, return a copy of the original string."),
    MethodDef::method("removesuffix", methods::removesuffix)
        .doc("removesuffix($self, suffix, /)\n--\n\nReturn a str with the given suffix string removed if present.\n\nIf the string ends with the suffix string and that suffix is not empty,\nreturn string[:-len(suffix)]. Otherwise, return a copy of the original\nstring."),
    MethodDef::method("isascii", methods::isascii)
        .doc("isascii($self, /)\n--\n\nReturn True if all characters in the string are ASCII, False otherwise.\n\nASCII characters have code points in the range U+0000-U+007F.\nEmpty string is ASCII too."),
    MethodDef::method("islower", methods::islower)
        .doc("islower($self, /)\n--\n\nReturn True if the string is a lowercase string, False otherwise.\n\nA string is lowercase if all cased characters in the string are lowercase and\nthere is at least one cased character in the string."),
    MethodDef::method("isupper", methods::isupper)
        .doc("isupper($self, /)\n--\n\nReturn True if the string is an uppercase string, False otherwise.\n\nA string is uppercase if all cased characters in the string are uppercase and\nthere is at least one cased character in the string."),
    MethodDef::method("istitle", methods::istitle)
        .doc("istitle($self, /)\n--\n\nReturn True if the string is a title-cased string, False otherwise.\n\nIn a title-cased string, upper- and title-case characters may only\nfollow uncased characters and lowercase characters only cased ones."),
    MethodDef::method("isspace", methods::isspace)
        .doc("isspace($self, /)\n--\n\nReturn True if the string is a whitespace string, False otherwise.\n\nA string is whitespace if all characters in the string are whitespace and there\nis at least one character in the string."),
    MethodDef::method("isdecimal", methods::isdecimal)
        .doc("isdecimal($self, /)\n--\n\nReturn True if the string is a decimal string, False otherwise.\n\nA string is a decimal string if all characters in the string are decimal and\nthere is at least one character in the string."),
    MethodDef::method("isdigit", methods::isdigit)
        .doc("isdigit($self, /)\n--\n\nReturn True if the string is a digit string, False otherwise.\n\nA string is a digit string if all characters in the string are digits and there\nis at least one character in the string."),
    MethodDef::method("isnumeric", methods::isnumeric)
        .doc("isnumeric($self, /)\n--\n\nReturn True if the string is a numeric string, False otherwise.\n\nA string is numeric if all characters in the string are numeric and there is at\nleast one character in the string."),
    MethodDef::method("isalpha", methods::isalpha)
        .doc("isalpha($self, /)\n--\n\nReturn True if the string is an alphabetic string, False otherwise.\n\nA string is alphabetic if all characters in the string are alphabetic and there\nis at least one character in the string."),
    MethodDef::method("isalnum", methods::isalnum)
        .doc("isalnum($self, /)\n--\n\nReturn True if the string is an alpha-numeric string, False otherwise.\n\nA string is alpha-numeric if all characters in the string are alpha-numeric and\nthere is at least one character in the string."),
    MethodDef::method("isidentifier", methods::isidentifier)
        .doc("isidentifier($self, /)\n--\n\nReturn True if the string is a valid Python identifier, False otherwise.\n\nCall keyword.iskeyword(s) to test whether string s is a reserved identifier,\nsuch as \"def\" or \"class\"."),
    MethodDef::method("isprintable", methods::isprintable)
        .doc("isprintable($self, /)\n--\n\nReturn True if the string is printable, False otherwise.\n\nA string is printable if all of its characters are considered printable in\nrepr() or if it is empty."),
    MethodDef::method("zfill", methods::zfill)
        .doc("zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width.\n\nThe string is never truncated."),
    MethodDef::method("format", format::s_format)
        .doc("S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using substitutions from args and kwargs.\nThe substitutions are identified by braces ('{' and '}')."),
    MethodDef::method("format_map", format::s_format_map)
        .doc("S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions from mapping.\nThe substitutions are identified by braces ('{' and '}')."),
    MethodDef::method("__format__", format::s_format_spec)
        .doc("__format__($self, format_spec, /)\n--\n\nReturn a formatted version of the string as described by format_spec."),
    MethodDef::static_("maketrans", methods::maketrans)
        .doc("maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)\n--\n\nReturn a translation table usable for str.translate().\n\nIf there is only one argument, it must be a dictionary mapping Unicode\nordinals (integers) or characters to Unicode ordinals, strings or None.\nCharacter keys will be then converted to ordinals.\nIf there are two arguments, they must be strings of equal length, and\nin the resulting dictionary, each character in x will be mapped to the\ncharacter at the same position in y. If there is a third argument, it\nmust be a string, whose characters will be mapped to None in the result."),
    MethodDef::method("__sizeof__", str_sizeof)
        .doc("__sizeof__($self, /)\n--\n\nReturn the size of the string in memory, in bytes."),
    MethodDef::method("__getnewargs__", str_getnewargs)
        .doc(""),
];
