//! `bytes`' method table (CPython's `bytes_methods`), with CPython's
//! docstrings and text signatures.

use super::methods as m;
use super::slots::{bytes_bytes, bytes_getnewargs};
use crate::objects::typeobj::MethodDef;

pub(super) static METHODS: &[MethodDef] = &[
    MethodDef::method("__getnewargs__", bytes_getnewargs)
        .doc(""),
    MethodDef::method("__bytes__", bytes_bytes)
        .doc("__bytes__($self, /)\n--\n\nConvert this value to exact type bytes."),
    MethodDef::method("capitalize", m::capitalize)
        .doc("B.capitalize() -> copy of B\n\nReturn a copy of B with only its first character capitalized (ASCII)\nand the rest lower-cased."),
    MethodDef::method("center", m::center)
        .doc("center($self, width, fillchar=b' ', /)\n--\n\nReturn a centered string of length width.\n\nPadding is done using the specified fill character."),
    MethodDef::method("count", m::count)
        .doc("B.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of subsection sub in\nbytes B[start:end].  Optional arguments start and end are interpreted\nas in slice notation."),
    MethodDef::method("decode", m::decode)
        .doc("decode($self, /, encoding='utf-8', errors='strict')\n--\n\nDecode the bytes using the codec registered for encoding.\n\n  encoding\n    The encoding with which to decode the bytes.\n  errors\n    The error handling scheme to use for the handling of decoding errors.\n    The default is 'strict' meaning that decoding errors raise a\n    UnicodeDecodeError. Other possible values are 'ignore' and 'replace'\n    as well as any other name registered with codecs.register_error that\n    can handle UnicodeDecodeErrors."),
    MethodDef::method("endswith", m::endswith)
        .doc("B.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if B ends with the specified suffix, False otherwise.\nWith optional start, test B beginning at that position.\nWith optional end, stop comparing B at that position.\nsuffix can also be a tuple of bytes to try."),
    MethodDef::method("expandtabs", m::expandtabs)
        .doc("expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces.\n\nIf tabsize is not given, a tab size of 8 characters is assumed."),
    MethodDef::method("find", m::find)
        .doc("B.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."),
    MethodDef::class("fromhex", m::fromhex)
        .doc("fromhex($type, string, /)\n--\n\nCreate a bytes object from a string of hexadecimal numbers.\n\nSpaces between two numbers are accepted.\nExample: bytes.fromhex('B9 01EF') -> b'\\\\xb9\\\\x01\\\\xef'."),
    MethodDef::method("hex", m::hex)
        .doc("hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nCreate a string of hexadecimal numbers from a bytes object.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = b'\\xb9\\x01\\xef'\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n>>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'"),
    MethodDef::method("index", m::index)
        .doc("B.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the subsection is not found."),
    MethodDef::method("isalnum", m::isalnum)
        .doc("B.isalnum() -> bool\n\nReturn True if all characters in B are alphanumeric\nand there is at least one character in B, False otherwise."),
    MethodDef::method("isalpha", m::isalpha)
        .doc("B.isalpha() -> bool\n\nReturn True if all characters in B are alphabetic\nand there is at least one character in B, False otherwise."),
    MethodDef::method("isascii", m::isascii)
        .doc("B.isascii() -> bool\n\nReturn True if B is empty or all characters in B are ASCII,\nFalse otherwise."),
    MethodDef::method("isdigit", m::isdigit)
        .doc("B.isdigit() -> bool\n\nReturn True if all characters in B are digits\nand there is at least one character in B, False otherwise."),
    MethodDef::method("islower", m::islower)
        .doc("B.islower() -> bool\n\nReturn True if all cased characters in B are lowercase and there is\nat least one cased character in B, False otherwise."),
    MethodDef::method("isspace", m::isspace)
        .doc("B.isspace() -> bool\n\nReturn True if all characters in B are whitespace\nand there is at least one character in B, False otherwise."),
    MethodDef::method("istitle", m::istitle)
        .doc("B.istitle() -> bool\n\nReturn True if B is a titlecased string and there is at least one\ncharacter in B, i.e. uppercase characters may only follow uncased\ncharacters and lowercase characters only cased ones. Return False\notherwise."),
    MethodDef::method("isupper", m::isupper)
        .doc("B.isupper() -> bool\n\nReturn True if all cased characters in B are uppercase and there is\nat least one cased character in B, False otherwise."),
    MethodDef::method("join", m::join)
        .doc("join($self, iterable_of_bytes, /)\n--\n\nConcatenate any number of bytes objects.\n\nThe bytes whose method is called is inserted in between each pair.\n\nThe result is returned as a new bytes object.\n\nExample: b'.'.join([b'ab', b'pq', b'rs']) -> b'ab.pq.rs'."),
    MethodDef::method("ljust", m::ljust)
        .doc("ljust($self, width, fillchar=b' ', /)\n--\n\nReturn a left-justified string of length width.\n\nPadding is done using the specified fill character."),
    MethodDef::method("lower", m::lower)
        .doc("B.lower() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to lowercase."),
    MethodDef::method("lstrip", m::lstrip)
        .doc("lstrip($self, bytes=None, /)\n--\n\nStrip leading bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading  ASCII whitespace."),
    MethodDef::static_("maketrans", m::maketrans)
        .doc("maketrans(frm, to, /)\n--\n\nReturn a translation table useable for the bytes or bytearray translate method.\n\nThe returned table will be one where each byte in frm is mapped to the byte at\nthe same position in to.\n\nThe bytes objects frm and to must be of the same length."),
    MethodDef::method("partition", m::partition)
        .doc("partition($self, sep, /)\n--\n\nPartition the bytes into three parts using the given separator.\n\nThis will search for the separator sep in the bytes. If the separator is found,\nreturns a 3-tuple containing the part before the separator, the separator\nitself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing the original bytes\nobject and two empty bytes objects."),
    MethodDef::method("replace", m::replace)
        .doc("replace($self, old, new, count=-1, /)\n--\n\nReturn a copy with all occurrences of substring old replaced by new.\n\n  count\n    Maximum number of occurrences to replace.\n    -1 (the default value) means replace all occurrences.\n\nIf the optional argument count is given, only the first count occurrences are\nreplaced."),
    MethodDef::method("removeprefix", m::removeprefix)
        .doc("removeprefix($self, prefix, /)\n--\n\nReturn a bytes object with the given prefix string removed if present.\n\nIf the bytes starts with the prefix string, return bytes[len(prefix):].\nOtherwise, return a copy of the original bytes."),
    MethodDef::method("removesuffix", m::removesuffix)
        .doc("removesuffix($self, suffix, /)\n--\n\nReturn a bytes object with the given suffix string removed if present.\n\nIf the bytes ends with the suffix string and that suffix is not empty,\nreturn bytes[:-len(prefix)].  Otherwise, return a copy of the original\nbytes."),
    MethodDef::method("rfind", m::rfind)
        .doc("B.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."),
    MethodDef::method("rindex", m::rindex)
        .doc("B.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaise ValueError when the subsection is not found."),
    MethodDef::method("rjust", m::rjust)
        .doc("rjust($self, width, fillchar=b' ', /)\n--\n\nReturn a right-justified string of length width.\n\nPadding is done using the specified fill character."),
    MethodDef::method("rpartition", m::rpartition)
        .doc("rpartition($self, sep, /)\n--\n\nPartition the bytes into three parts using the given separator.\n\nThis will search for the separator sep in the bytes, starting at the end. If\nthe separator is found, returns a 3-tuple containing the part before the\nseparator, the separator itself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing two empty bytes\nobjects and the original bytes object."),
    MethodDef::method("rsplit", m::rsplit)
        .doc("rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytes, using sep as the delimiter.\n\n  sep\n    The delimiter according which to split the bytes.\n    None (the default value) means split on ASCII whitespace characters\n    (space, tab, return, newline, formfeed, vertical tab).\n  maxsplit\n    Maximum number of splits to do.\n    -1 (the default value) means no limit.\n\nSplitting is done starting at the end of the bytes and working to the front."),
    MethodDef::method("rstrip", m::rstrip)
        .doc("rstrip($self, bytes=None, /)\n--\n\nStrip trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip trailing ASCII whitespace."),
    MethodDef::method("split", m::split)
        .doc("split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytes, using sep as the delimiter.\n\n  sep\n    The delimiter according which to split the bytes.\n    None (the default value) means split on ASCII whitespace characters\n    (space, tab, return, newline, formfeed, vertical tab).\n  maxsplit\n    Maximum number of splits to do.\n    -1 (the default value) means no limit."),
    MethodDef::method("splitlines", m::splitlines)
        .doc("splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the bytes, breaking at line boundaries.\n\nLine breaks are not included in the resulting list unless keepends is given and\ntrue."),
    MethodDef::method("startswith", m::startswith)
        .doc("B.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if B starts with the specified prefix, False otherwise.\nWith optional start, test B beginning at that position.\nWith optional end, stop comparing B at that position.\nprefix can also be a tuple of bytes to try."),
    MethodDef::method("strip", m::strip)
        .doc("strip($self, bytes=None, /)\n--\n\nStrip leading and trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading and trailing ASCII whitespace."),
    MethodDef::method("swapcase", m::swapcase)
        .doc("B.swapcase() -> copy of B\n\nReturn a copy of B with uppercase ASCII characters converted\nto lowercase ASCII and vice versa."),
    MethodDef::method("title", m::title)
        .doc("B.title() -> copy of B\n\nReturn a titlecased version of B, i.e. ASCII words start with uppercase\ncharacters, all remaining cased characters have lowercase."),
    MethodDef::method("translate", m::translate)
        .doc("translate($self, table, /, delete=b'')\n--\n\nReturn a copy with each character mapped by the given translation table.\n\n  table\n    Translation table, which must be a bytes object of length 256.\n\nAll characters occurring in the optional argument delete are removed.\nThe remaining characters are mapped through the given translation table."),
    MethodDef::method("upper", m::upper)
        .doc("B.upper() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to uppercase."),
    MethodDef::method("zfill", m::zfill)
        .doc("zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width.\n\nThe original string is never truncated."),
];
