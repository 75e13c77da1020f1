package dev.weft.tools.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * The cases weft's answers are compared on with CPython's: every example of seed 003's regex sections, then
 * generated patterns x texts x functions x flags covering each construct, non-ASCII text, empty matches, errors.
 */
final class ConformanceCases {

    /** One call: {@code re.compile(pattern, flags).fn(text, ...)}. */
    record Case(String pattern, int flags, RegexFunction fn, String text, String repl, int max) {
        Case(String pattern, int flags, RegexFunction fn, String text) {
            this(pattern, flags, fn, text, "", 0);
        }
    }

    private static final int I = PyFlags.IGNORECASE;
    private static final int M = PyFlags.MULTILINE;
    private static final int S = PyFlags.DOTALL;
    private static final int X = PyFlags.VERBOSE;
    private static final int A = PyFlags.ASCII;

    private ConformanceCases() {
    }

    /**
     * The documented deliberate differences (docs/architecture/regex.md): a case-insensitive backreference compares
     * with Java's folding (uppercase, then lowercase), Python's only lowercases, so final sigma \u03c2 matches a
     * captured \u03c3 in Java and not in Python.
     */
    static boolean knownDifference(Case c) {
        return (c.flags() & I) != 0 && (c.pattern().contains("\\1") || c.pattern().contains("(?P=x)"))
                && c.text().contains("\u03c3\u03c2");
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>(seed());
        cases.addAll(generated());
        cases.addAll(errors());
        return cases;
    }

    /** Seed 003, "python核心编程1: 正则表达式" and "2: python re模块的使用", in its order. */
    static List<Case> seed() {
        RegexFunction search = RegexFunction.SEARCH;
        RegexFunction match = RegexFunction.MATCH;
        RegexFunction findall = RegexFunction.FINDALL;
        String content = "\nThis line is the first,\nanother line,\nthat line, it's the best\n";
        String lines = "\nThe first line\nthe second line\nthe third line\n";
        List<Case> c = new ArrayList<>(List.of(
                new Case("[A-Za-z]\\w+", 0, findall, "weft 正则 regex a1 Zz_9"),
                new Case(".*$$", 0, search, "price: 5$"),
                new Case("\\bthe\\b", 0, match, "the"),
                new Case("[cr][23][dp][o2]", 0, findall, "r2d2 c3po c2do r3p2"),
                new Case("r2d2|c3po", 0, findall, "r2d2 c3po c2do r3p2"),
                new Case("ab", 0, findall, "ab a b ba"),
                new Case("[ab]", 0, findall, "ab a b ba"),
                new Case("a|b", 0, findall, "ab a b ba"),
                new Case("([0-9]*)([a-z]*)([0-9]*)", 0, search, "123abc456ww"),
                new Case("(?:[0-9]*)([a-z]*)([0-9]*)", 0, search, "123abc456ww"),
                new Case("Windows(?:95|98|NT|2000)", 0, search, "Windows20001235"),
                new Case("Windows(?=95|98|NT|2000)", 0, search, "Windows20001235"),
                new Case("Windows(?=95|98|NT|2000)", 0, search, "Windows3.1"),
                new Case("Windows(?!95|98|NT|2000)", 0, search, "Windows3.1"),
                new Case("Windows(?!95|98|NT|2000)", 0, search, "Windows2000"),
                new Case("(?<=95|98|NT|2000)Windows", 0, search, "2000Windows"),
                new Case("(?<=95|98|NT)Windows", 0, search, "NTWindows"),
                new Case("(?<!95|98|NT)Windows", 0, search, "3.1Windows"),
                new Case("(?<!95|98|NT)Windows", 0, search, "98Windows"),
                new Case("(<)?(\\w+@\\w+(?:\\.\\w+)+)(?(1)>|$)", 0, search, "<user@fishc.com>"),
                new Case("(<)?(\\w+@\\w+(?:\\.\\w+)+)(?(1)>|$)", 0, search, "user@fishc.com"),
                new Case("(<)?(\\w+@\\w+(?:\\.\\w+)+)(?(1)>|$)", 0, search, "<user@fishc.com"),
                new Case("(<)?(\\w+@\\w+(?:\\.\\w+)+)(?(1)>|$)", 0, search, "user@fishc.com>"),
                new Case("(?i)abc(?-i:d)", 0, findall, "ABCd ABCD abcd"),
                new Case("a(?i:b)c", 0, findall, "aBc ABC abc"),
                new Case("d\\w*?", 0, search, "dxxddxxd"),
                new Case("d\\w*?d", 0, search, "dxxddxxd"),
                new Case("bat|bet|bit", 0, match, "bat"),
                new Case("bat|bet|bit", 0, match, "blt"),
                new Case("bat|bet|bit", 0, search, "He bit me!"),
                new Case(".end", 0, match, "bend"),
                new Case(".end", 0, match, "end"),
                new Case(".end", 0, search, "\nend"),
                new Case("3\\.14", 0, match, "3.14"),
                new Case("3.14", 0, match, "3014"),
                new Case("(\\w\\w\\w)-(\\d\\d\\d)", 0, match, "abc-123"),
                new Case("(a(b))", 0, match, "ab"),
                new Case("^The", 0, search, "The end."),
                new Case("^The", 0, search, "end. The"),
                new Case("\\bthe", 0, search, "bite the dog"),
                new Case("\\bthe", 0, search, "bitethe dog"),
                new Case("\\Bthe", 0, search, "bitethe dog"),
                new Case("(the).*?(123)", 0, findall, "bitethe dog the123"),
                new Case("(th\\w+) and (th\\w+)", I, findall, "This and that."),
                new Case("(th\\w+) and (th\\w+)", I, RegexFunction.FINDITER, "This and that."),
                new Case("(th\\w+)", I, findall, "This and that."),
                new Case("(th\\w+)", I, RegexFunction.FINDITER, "This and that."),
                new Case("X", 0, RegexFunction.SUB, "attn:X\n\nDear X,\n", "Mr.Smith", 0),
                new Case("X", 0, RegexFunction.SUBN, "attn:X\n\nDear X,\n", "Mr.Smith", 0),
                new Case("[ae]", 0, RegexFunction.SUB, "abcdef", "X", 0),
                new Case("[ae]", 0, RegexFunction.SUBN, "abcdef", "X", 0),
                new Case("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})", 0, RegexFunction.SUB, "2/20/91", "\\2/\\1/\\3", 0),
                new Case("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})", 0, RegexFunction.SUB, "2/20/1991", "\\2/\\1/\\3", 0),
                new Case(":", 0, RegexFunction.SPLIT, "str1:str2:str3"),
                new Case("(?i)yes", 0, findall, "yes? Yes.YES!!"),
                new Case("(?i)th\\w+", 0, findall, "The quickest way is through this"),
                new Case("(?im)(^th[\\w]+)", 0, findall, content),
                new Case("(?m)(^th[\\w]+)", 0, findall, content),
                new Case("th.+", 0, findall, lines),
                new Case("(?s)th.+", 0, findall, lines),
                new Case("(?x)\n  \\((\\d{3})\\)\n  [ ]\n  (\\d{3})\n   -\n  (\\d{4})\n  ", 0, search, "(800) 555-1212"),
                new Case("http://(?:\\w+\\.)*(\\w+\\.com)", 0, findall,
                        "http://google.com http://www.google.com http://code.google.com"),
                new Case("\\((?P<areacode>\\d{3})\\) (?P<prefix>\\d{3})-(?:\\d{4})", 0, search, "(800) 555-1212"),
                new Case("\\((?P<areacode>\\d{3})\\) (?P<prefix>\\d{3})-(?:\\d{4})", 0, findall, "(800) 555-1212"),
                new Case("\\((?P<areacode>\\d{3})\\) (?P<prefix>\\d{3})-(?:\\d{4})", 0, RegexFunction.SUB,
                        "(800) 555-1212", "(\\g<areacode>) \\g<prefix>-xxxx", 0),
                new Case("\\((?P<areacode>\\d{3})\\) (?P<prefix>\\d{3})-(?P<number>\\d{4}) "
                        + "(?P=areacode)-(?P=prefix)-(?P=number) 1(?P=areacode)(?P=prefix)(?P=number)", 0, match,
                        "(800) 555-1212 800-555-1212 18005551212"),
                new Case("(?x)\n    # area code\n    \\((?P<areacode>\\d{3})\\)[ ]\n    # prefix\n"
                        + "    (?P<prefix>\\d{3})\n    # dash separator\n    -\n    # number\n"
                        + "    (?P<number>\\d{4})\n", 0, match, "(800) 555-1212"),
                new Case("\\w+(?= van Rossum)", 0, findall, "Guido van Rossum\nTim Peters\nJust van Rossum"),
                new Case("(?m)^\\s+(?!noreply|postmaster)(\\w+)", 0, findall,
                        "\n    sales@phptr.com\n    postmaster@phptr.com\n    eng@phptr.com\n    noreply@phptr.com\n")));
        for (String datum : List.of("Mountain View, CA 94040", "Sunnyvale, CA", "Los Altos, 94023",
                "Cupertino 95014", "Palo Alto CA")) {
            c.add(new Case(", |(?= (?:\\d{5}|[A-Z]{2})) ", 0, RegexFunction.SPLIT, datum));
        }
        return c;
    }

    private static final List<String> PATTERNS = List.of(
            "a", "a*", "a*?", "a+?", "x*", "", "^", "$", "\\b", "\\B", "(?m)^", "(?m)$", "(?m)^\\w+$", "(a)|b",
            "(a)(b)?", "(?P<word>\\w+)", "\\w+", "\\W+", "\\d+", "\\D", "\\s+", "\\S+", ".", "(?s).", ".+",
            "[^a-c]+", "[\\w-]+", "[\\s\\d]", "[^\\W\\d]+", "(?i)stra\u00dfe", "(?i)[a-z]+", "(?a)\\w+", "(?a)\\b\\w",
            "\\w+(?=\\s)", "(?<=\\d)\\w", "(?<!\\d)\\d+", "(\\w)\\1", "(?P<x>.)(?P=x)", "(?x) a b # comment\n c",
            "\\Z", "\\A\\w", "\\w+\\Z", "[\u4e2d\u6587]+", "\\u4e2d", "\\N{EM DASH}|-", "a{2,3}", "a{,2}", "a{2}",
            "(?:ab)+", "(a|ab)(c|bcd)(d*)", "(a)?(?(1)b|c)", "(?P<q>['\"])?\\w+(?(q)(?P=q))", "x|", "|x",
            "(?>a+)a", "(?>a+)b", "a++", "a?+a", "(?i:A)b", "$\\n?", "(\\d+)|([a-z]+)", "((a)|b)+", "(a*)*",
            "(a*)+?", "\\x41|\\101|\\0", "[\\b]", "[a\\-z]+", "[]a]", "[^]a]+", "\\$\\.\\*", "a{1,3}?", "{",
            "a{,}", "x{2,}", "(?i)[\u00e0-\u00ff]+", "(?i)\u03a3+", "\\d+(?:\\.\\d+)?", "(?<=\u4e2d)\u6587",
            "(?i)K", "(?a)(?i)k", "\ud83d\ude00+", ".\\b.", "(?s)(.)(.)$", "(?m)(?<=^)x", "\\s\\S", "[^\\s]+",
            "(?u)\\w+", "(?x)[ #]a # c", "(?i)[^a]+", "\\s*", "(?<=a|b)c", "(?P<n>a)?(?(n)b|c)", "(?i)A(?-i:a)",
            "(?s:.)\\n?", "[\\d\\W]{2}", "\\b\\w+\\b", "(?<=\\b)\\d", "[^\\S\\n]+", "(x)?(?(1)|y)z?",
            "(?:(a)|(b))*", "(?m)\\A^$\\Z");

    private static final List<String> TEXTS = List.of(
            "", "a", "aaa", "abxd", "hello world", "The quick brown fox", "\u4e2d\u6587 English \u6df7\u5408 text",
            "r\u00e9sum\u00e9 na\u00efve caf\u00e9", "line1\nline2\n", "a\nb\n\nc", "12 apples and 345 oranges 6.5",
            "\ud83d\ude00x\ud83d\ude00\ud83d\ude00 y", "stra\u00dfe STRASSE Stra\u00dfe", "aabbcc abcd",
            "foo-bar_baz ab", "\t tab  space\u3000ideographic\u00a0nbsp", "'quoted' \"double\" plain",
            "\u039a\u0391\u039b\u0397\u03a3 \u03c3\u03c2 \u212a k K", "x\u2014y-z \u0661\u0662\u0663 \u2460",
            "\u00e0\u00c0\u00ff\u0178 A\u0301");

    private static final List<String> TEMPLATES = List.of("-", "[\\g<0>]", "\\1", "<\\g<1>>", "\\n", "x\\0y",
            "\\\\", "\\-", "\u2605", "\\g<word>");

    private static final int[] FLAGS = {0, I, M, S, I | M, A, X, I | A, 0, S | M};

    /** Each pattern against each text, two functions each, rotating through functions, flags and templates. */
    static List<Case> generated() {
        List<Case> cases = new ArrayList<>();
        RegexFunction[] fns = RegexFunction.values();
        int k = 0;
        for (int p = 0; p < PATTERNS.size(); p++) {
            for (int t = 0; t < TEXTS.size(); t++) {
                for (int j = 0; j < 2; j++, k++) {
                    RegexFunction fn = fns[(p + t * 3 + j * 5) % fns.length];
                    int flags = FLAGS[(p + t + j) % FLAGS.length];
                    String repl = TEMPLATES.get((p * 7 + t) % TEMPLATES.size());
                    int max = k % 7 == 0 ? 1 : k % 11 == 0 ? 2 : k % 29 == 0 ? -1 : 0;
                    cases.add(new Case(PATTERNS.get(p), flags, fn, TEXTS.get(t), repl, max));
                }
            }
        }
        return cases;
    }

    /** Patterns and templates Python rejects: the message and position must be Python's. */
    static List<Case> errors() {
        List<Case> cases = new ArrayList<>();
        for (String bad : List.of("(a", "a)", "a**", "a{2}{3}", "*a", "[z-a]", "[a", "(?P<1a>x)", "(?P=x)",
                "(a)\\2", "(a\\1)", "\\8", "[\\8]", "\\q", "\\p{L}", "(?<=a+)b", "(?i)a(?m)b", "a(?i)b", "(?L)a",
                "(?au)a", "(?-i)a", "(?i-i:a)", "(?<n>a)", "(?P<a>x)(?P<a>y)", "(a)(?(2)a|b)", "(?(0)a)",
                "(?(x)a)", "(?(1)a|b|c)(x)", "\\x4", "\\u12", "\\N{NO SUCH NAME}", "\\777", "a{3,2}", "(?#x",
                "[\\d-z]", "(?z)", "(?", "\\", "(?P", "(?<x", "x{1,2}{3}", "^*", "(?<=(a)\\1)")) {
            cases.add(new Case(bad, 0, RegexFunction.SEARCH, "a"));
        }
        for (String template : List.of("\\q", "\\g<2>", "\\g<x>", "\\g<", "\\g<1", "\\g<>", "\\g<1a>", "\\2",
                "\\g", "\\", "\\400")) {
            cases.add(new Case("(a)", 0, RegexFunction.SUB, "a", template, 0));
        }
        return cases;
    }
}
