package dev.weft.tools.regex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.weft.tools.regex.Node.AnchorKind;
import dev.weft.tools.regex.Node.Greed;

/**
 * Python's pattern parser ({@code Lib/re/_parser.py}) in Java: same grammar, same error messages and positions, so a
 * pattern Python rejects is rejected here with the words Python uses. Positions count code points.
 */
final class PythonParser {

    static final long MAXREPEAT = 4294967295L;
    private static final int MAXGROUPS = Integer.MAX_VALUE / 2;
    private static final String SPECIAL = ".\\[{()*+?^$|";
    private static final String WHITESPACE = " \t\n\r\u000b\f";
    private static final String OCT = "01234567";
    private static final String DIGITS = "0123456789";
    private static final String HEX = "0123456789abcdefABCDEF";

    private final String pattern;
    private final int[] cps;
    private int index;
    private String next;
    private int flags;
    private final Map<String, Integer> groupNames = new LinkedHashMap<>();
    private final List<long[]> groupWidths = new ArrayList<>(); // index 0 stands for group 0
    private Integer lookbehindGroups;
    private final Map<Integer, Integer> groupRefPos = new HashMap<>();

    private PythonParser(String pattern, int flags) throws RegexSyntaxError {
        this.pattern = pattern;
        this.cps = pattern.codePoints().toArray();
        this.flags = flags;
        groupWidths.add(new long[] {0, 0});
        advance();
    }

    /** The parse: the tree, the final flags (inline global flags included), the groups and their names. */
    record Parsed(Node root, int flags, int groups, Map<String, Integer> names) {
    }

    static Parsed parse(String pattern, int flags) throws RegexSyntaxError {
        PythonParser parser = new PythonParser(pattern, flags);
        Node root = parser.parseSub((flags & PyFlags.VERBOSE) != 0, 0);
        int finalFlags = parser.fixFlags();
        if (parser.next != null) {
            throw parser.error("unbalanced parenthesis", 0);
        }
        int groups = parser.groupWidths.size();
        for (Map.Entry<Integer, Integer> ref : parser.groupRefPos.entrySet()) {
            if (ref.getKey() >= groups) {
                throw new RegexSyntaxError("invalid group reference " + ref.getKey(), pattern, ref.getValue());
            }
        }
        Widths.checkLookbehinds(root, parser.groupWidths, pattern);
        return new Parsed(root, finalFlags, groups - 1, Map.copyOf(parser.groupNames));
    }

    private int fixFlags() throws RegexSyntaxError {
        if ((flags & PyFlags.LOCALE) != 0) {
            throw new RegexSyntaxError("cannot use LOCALE flag with a str pattern", pattern, -1);
        }
        if ((flags & PyFlags.ASCII) == 0) {
            return flags | PyFlags.UNICODE;
        }
        if ((flags & PyFlags.UNICODE) != 0) {
            throw new RegexSyntaxError("ASCII and UNICODE flags are incompatible", pattern, -1);
        }
        return flags;
    }

    // ---- tokenizer (Python's Tokenizer: a token is one character or a backslash and the next) ----

    private void advance() throws RegexSyntaxError {
        if (index >= cps.length) {
            next = null;
            return;
        }
        int c = cps[index];
        String token = Character.toString(c);
        if (c == '\\') {
            if (index + 1 >= cps.length) {
                throw new RegexSyntaxError("bad escape (end of pattern)", pattern, cps.length - 1);
            }
            token += Character.toString(cps[++index]);
        }
        index++;
        next = token;
    }

    private boolean match(String token) throws RegexSyntaxError {
        if (token.equals(next)) {
            advance();
            return true;
        }
        return false;
    }

    private String get() throws RegexSyntaxError {
        String token = next;
        advance();
        return token;
    }

    private String getWhile(int n, String set) throws RegexSyntaxError {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < n && in(next, set); i++) {
            result.append(next);
            advance();
        }
        return result.toString();
    }

    private String getUntil(String terminator, String name) throws RegexSyntaxError {
        StringBuilder result = new StringBuilder();
        while (true) {
            String c = next;
            advance();
            if (c == null) {
                if (result.isEmpty()) {
                    throw error("missing " + name, 0);
                }
                throw error("missing " + terminator + ", unterminated name", cpLength(result));
            }
            if (c.equals(terminator)) {
                if (result.isEmpty()) {
                    throw error("missing " + name, 1);
                }
                return result.toString();
            }
            result.append(c);
        }
    }

    private int tell() {
        return index - (next == null ? 0 : cpLength(next));
    }

    private void seek(int position) throws RegexSyntaxError {
        index = position;
        advance();
    }

    private RegexSyntaxError error(String message, int offset) {
        return new RegexSyntaxError(message, pattern, tell() - offset);
    }

    private static boolean in(String token, String set) {
        return token != null && token.length() == 1 && set.indexOf(token.charAt(0)) >= 0;
    }

    private static int cpLength(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }

    private void checkGroupName(String name, int offset) throws RegexSyntaxError {
        if (!Identifiers.isIdentifier(name)) {
            throw error("bad character in group name " + PythonRepr.str(name), cpLength(name) + offset);
        }
    }

    // ---- grammar ----

    private Node parseSub(boolean verbose, int nested) throws RegexSyntaxError {
        List<Node> items = new ArrayList<>();
        while (true) {
            items.add(parse(verbose, nested + 1, nested == 0 && items.isEmpty()));
            if (!match("|")) {
                break;
            }
            if (nested == 0) {
                verbose = (flags & PyFlags.VERBOSE) != 0;
            }
        }
        return items.size() == 1 ? items.get(0) : new Node.Alternation(List.copyOf(items));
    }

    private Node parse(boolean verbose, int nested, boolean first) throws RegexSyntaxError {
        List<Node> items = new ArrayList<>();
        while (true) {
            String tok = next;
            if (tok == null || tok.equals("|") || tok.equals(")")) {
                break;
            }
            get();
            if (verbose) {
                if (in(tok, WHITESPACE)) {
                    continue;
                }
                if (tok.equals("#")) {
                    while (true) {
                        tok = get();
                        if (tok == null || tok.equals("\n")) {
                            break;
                        }
                    }
                    continue;
                }
            }
            if (tok.charAt(0) == '\\') {
                items.add(escape(tok));
            } else if (!in(tok, SPECIAL)) {
                items.add(new Node.Literal(tok.codePointAt(0)));
            } else if (tok.equals("[")) {
                items.add(charSet());
            } else if (in(tok, "*+?{")) {
                if (!repeat(tok, items)) {
                    items.add(new Node.Literal('{'));
                }
            } else if (tok.equals(".")) {
                items.add(new Node.AnyChar());
            } else if (tok.equals("(")) {
                Node group = group(verbose, nested, first, items);
                if (group == FLAGS_ONLY) {
                    verbose = (flags & PyFlags.VERBOSE) != 0;
                } else if (group != null) {
                    items.add(group);
                }
            } else if (tok.equals("^")) {
                items.add(new Node.Anchor(AnchorKind.LINE_START));
            } else {
                items.add(new Node.Anchor(AnchorKind.LINE_END));
            }
        }
        return items.size() == 1 ? items.get(0) : new Node.Sequence(List.copyOf(items));
    }

    /** Marks a {@code (?flags)} that changed the global flags. */
    private static final Node FLAGS_ONLY = new Node.Sequence(List.of());

    private Node charSet() throws RegexSyntaxError {
        int here = tell() - 1;
        List<Node.SetItem> set = new ArrayList<>();
        boolean negate = match("^");
        while (true) {
            String tok = get();
            if (tok == null) {
                throw error("unterminated character set", tell() - here);
            }
            if (tok.equals("]") && !set.isEmpty()) {
                break;
            }
            Node.SetItem first = tok.charAt(0) == '\\' ? classEscape(tok) : new Node.SetChar(tok.codePointAt(0));
            if (match("-")) {
                String that = get();
                if (that == null) {
                    throw error("unterminated character set", tell() - here);
                }
                if (that.equals("]")) {
                    set.add(first);
                    set.add(new Node.SetChar('-'));
                    break;
                }
                Node.SetItem second = that.charAt(0) == '\\' ? classEscape(that)
                        : new Node.SetChar(that.codePointAt(0));
                if (!(first instanceof Node.SetChar low) || !(second instanceof Node.SetChar high)
                        || high.codePoint() < low.codePoint()) {
                    throw error("bad character range " + tok + "-" + that,
                            cpLength(tok) + 1 + cpLength(that));
                }
                set.add(new Node.SetRange(low.codePoint(), high.codePoint()));
            } else {
                set.add(first);
            }
        }
        return new Node.CharSet(negate, List.copyOf(set));
    }

    /** Parses a quantifier after {@code tok}; false when a {@code {} is a literal brace after all. */
    private boolean repeat(String tok, List<Node> items) throws RegexSyntaxError {
        int here = tell();
        long min;
        long max;
        switch (tok) {
            case "?" -> { min = 0; max = 1; }
            case "*" -> { min = 0; max = -1; }
            case "+" -> { min = 1; max = -1; }
            default -> {
                if ("}".equals(next)) {
                    return false;
                }
                min = 0;
                max = -1;
                String lo = getWhile(Integer.MAX_VALUE, DIGITS);
                String hi;
                if (match(",")) {
                    hi = getWhile(Integer.MAX_VALUE, DIGITS);
                } else {
                    hi = lo;
                }
                if (!match("}")) {
                    seek(here);
                    return false;
                }
                if (!lo.isEmpty()) {
                    min = count(lo);
                }
                if (!hi.isEmpty()) {
                    max = count(hi);
                    if (max < min) {
                        throw error("min repeat greater than max repeat", tell() - here);
                    }
                }
            }
        }
        Node item = items.isEmpty() ? null : items.get(items.size() - 1);
        if (item == null || item instanceof Node.Anchor) {
            throw error("nothing to repeat", tell() - here + tok.length());
        }
        if (item instanceof Node.Repeat) {
            throw error("multiple repeat", tell() - here + tok.length());
        }
        Greed greed = match("?") ? Greed.LAZY : match("+") ? Greed.POSSESSIVE : Greed.GREEDY;
        items.set(items.size() - 1, new Node.Repeat(item, min, max, greed));
        return true;
    }

    private long count(String digits) throws RegexSyntaxError {
        if (digits.length() > 10 || Long.parseLong(digits) >= MAXREPEAT) {
            throw new RegexSyntaxError("the repetition number is too large", pattern, -1);
        }
        return Long.parseLong(digits);
    }

    /** A parenthesised construct; null for a comment, {@link #FLAGS_ONLY} for global flags. */
    private Node group(boolean verbose, int nested, boolean first, List<Node> items) throws RegexSyntaxError {
        int start = tell() - 1;
        boolean capture = true;
        boolean atomic = false;
        String name = null;
        int on = 0;
        int off = 0;
        if (match("?")) {
            String c = get();
            if (c == null) {
                throw error("unexpected end of pattern", 0);
            }
            if (c.equals("P")) {
                if (match("<")) {
                    name = getUntil(">", "group name");
                    checkGroupName(name, 1);
                } else if (match("=")) {
                    name = getUntil(")", "group name");
                    checkGroupName(name, 1);
                    Integer gid = groupNames.get(name);
                    if (gid == null) {
                        throw error("unknown group name " + PythonRepr.str(name), cpLength(name) + 1);
                    }
                    if (!groupClosed(gid)) {
                        throw error("cannot refer to an open group", cpLength(name) + 1);
                    }
                    checkLookbehindGroup(gid);
                    return new Node.Backref(gid);
                } else {
                    String ch = get();
                    if (ch == null) {
                        throw error("unexpected end of pattern", 0);
                    }
                    throw error("unknown extension ?P" + ch, cpLength(ch) + 2);
                }
            } else if (c.equals(":")) {
                capture = false;
            } else if (c.equals("#")) {
                while (true) {
                    if (next == null) {
                        throw error("missing ), unterminated comment", tell() - start);
                    }
                    if (get().equals(")")) {
                        return null;
                    }
                }
            } else if (in(c, "=!<")) {
                boolean behind = false;
                Integer saved = lookbehindGroups;
                if (c.equals("<")) {
                    c = get();
                    if (c == null) {
                        throw error("unexpected end of pattern", 0);
                    }
                    if (!in(c, "=!")) {
                        throw error("unknown extension ?<" + c, cpLength(c) + 2);
                    }
                    behind = true;
                    if (lookbehindGroups == null) {
                        lookbehindGroups = groupWidths.size();
                    }
                }
                Node body = parseSub(verbose, nested + 1);
                if (behind && saved == null) {
                    lookbehindGroups = null;
                }
                if (!match(")")) {
                    throw error("missing ), unterminated subpattern", tell() - start);
                }
                return new Node.Look(behind, c.equals("!"), body);
            } else if (c.equals("(")) {
                return conditional(verbose, nested, start);
            } else if (c.equals(">")) {
                capture = false;
                atomic = true;
            } else if (PyFlags.ofLetter(c.codePointAt(0)) != 0 && c.length() == 1 || c.equals("-")) {
                int[] scoped = flags(c);
                if (scoped == null) {
                    if (!first || !items.isEmpty()) {
                        throw error("global flags not at the start of the expression", tell() - start);
                    }
                    return FLAGS_ONLY;
                }
                on = scoped[0];
                off = scoped[1];
                capture = false;
            } else {
                throw error("unknown extension ?" + c, cpLength(c) + 1);
            }
        }
        int number = 0;
        if (capture) {
            number = groupWidths.size();
            groupWidths.add(null);
            if (name != null) {
                Integer old = groupNames.get(name);
                if (old != null) {
                    throw error("redefinition of group name " + PythonRepr.str(name) + " as group " + number
                            + "; was group " + old, cpLength(name) + 1);
                }
                groupNames.put(name, number);
            }
        }
        boolean subVerbose = (verbose || (on & PyFlags.VERBOSE) != 0) && (off & PyFlags.VERBOSE) == 0;
        Node body = parseSub(subVerbose, nested + 1);
        if (!match(")")) {
            throw error("missing ), unterminated subpattern", tell() - start);
        }
        if (capture) {
            groupWidths.set(number, Widths.of(body, groupWidths));
            return new Node.Group(number, name, body);
        }
        return atomic ? new Node.Atomic(body) : new Node.Scoped(on, off, body);
    }

    private Node conditional(boolean verbose, int nested, int start) throws RegexSyntaxError {
        String condName = getUntil(")", "group name");
        int group;
        if (Identifiers.isIdentifier(condName)) {
            Integer gid = groupNames.get(condName);
            if (gid == null) {
                throw error("unknown group name " + PythonRepr.str(condName), cpLength(condName) + 1);
            }
            group = gid;
        } else {
            if (!condName.chars().allMatch(Character::isDigit) || condName.length() > 9) {
                throw error("bad character in group name " + PythonRepr.str(condName), cpLength(condName) + 1);
            }
            group = Integer.parseInt(condName.codePoints().map(Character::getNumericValue)
                    .collect(StringBuilder::new, StringBuilder::append, StringBuilder::append).toString());
            if (group == 0) {
                throw error("bad group number", cpLength(condName) + 1);
            }
            if (group >= MAXGROUPS) {
                throw error("invalid group reference " + group, cpLength(condName) + 1);
            }
            groupRefPos.putIfAbsent(group, tell() - cpLength(condName) - 1);
        }
        checkLookbehindGroup(group);
        Node yes = parse(verbose, nested + 1, false);
        Node no = null;
        if (match("|")) {
            no = parse(verbose, nested + 1, false);
            if ("|".equals(next)) {
                throw error("conditional backref with more than two branches", 0);
            }
        }
        if (!match(")")) {
            throw error("missing ), unterminated subpattern", tell() - start);
        }
        return new Node.Conditional(group, yes, no == null ? new Node.Sequence(List.of()) : no);
    }

    /** Inline flags after {@code (?}: null when global ({@code (?i)}, applied), else {on, off} for {@code (?i-s:}. */
    private int[] flags(String c) throws RegexSyntaxError {
        int on = 0;
        int off = 0;
        int typeFlags = PyFlags.ASCII | PyFlags.LOCALE | PyFlags.UNICODE;
        if (!c.equals("-")) {
            while (true) {
                int flag = PyFlags.ofLetter(c.codePointAt(0));
                if (c.equals("L")) {
                    throw error("bad inline flags: cannot use 'L' flag with a str pattern", 0);
                }
                on |= flag;
                if ((flag & typeFlags) != 0 && (on & typeFlags) != flag) {
                    throw error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0);
                }
                c = get();
                if (c == null) {
                    throw error("missing -, : or )", 0);
                }
                if (in(c, ")-:")) {
                    break;
                }
                if (!isFlag(c)) {
                    throw error(isAlpha(c) ? "unknown flag" : "missing -, : or )", cpLength(c));
                }
            }
        }
        if (c.equals(")")) {
            flags |= on;
            return null;
        }
        if ((on & 1) != 0) {
            throw error("bad inline flags: cannot turn on global flag", 1);
        }
        if (c.equals("-")) {
            c = get();
            if (c == null) {
                throw error("missing flag", 0);
            }
            if (!isFlag(c)) {
                throw error(isAlpha(c) ? "unknown flag" : "missing flag", cpLength(c));
            }
            while (true) {
                int flag = PyFlags.ofLetter(c.codePointAt(0));
                if ((flag & typeFlags) != 0) {
                    throw error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0);
                }
                off |= flag;
                c = get();
                if (c == null) {
                    throw error("missing :", 0);
                }
                if (c.equals(":")) {
                    break;
                }
                if (!isFlag(c)) {
                    throw error(isAlpha(c) ? "unknown flag" : "missing :", cpLength(c));
                }
            }
        }
        if ((off & 1) != 0) {
            throw error("bad inline flags: cannot turn off global flag", 1);
        }
        if ((on & off) != 0) {
            throw error("bad inline flags: flag turned on and off", 1);
        }
        return new int[] {on, off};
    }

    private static boolean isFlag(String c) {
        return c.length() == 1 && PyFlags.ofLetter(c.charAt(0)) != 0;
    }

    private static boolean isAlpha(String c) {
        return c.codePoints().allMatch(Character::isLetter);
    }

    private boolean groupClosed(int gid) {
        return gid < groupWidths.size() && groupWidths.get(gid) != null;
    }

    private void checkLookbehindGroup(int gid) throws RegexSyntaxError {
        if (lookbehindGroups != null) {
            if (!groupClosed(gid)) {
                throw error("cannot refer to an open group", 0);
            }
            if (gid >= lookbehindGroups) {
                throw error("cannot refer to group defined in the same lookbehind subpattern", 0);
            }
        }
    }

    // ---- escapes ----

    private Node escape(String tok) throws RegexSyntaxError {
        char c = tok.charAt(1);
        switch (c) {
            case 'A': return new Node.Anchor(AnchorKind.STRING_START);
            case 'Z': return new Node.Anchor(AnchorKind.STRING_END);
            case 'b': return new Node.Anchor(AnchorKind.WORD_BOUNDARY);
            case 'B': return new Node.Anchor(AnchorKind.NOT_WORD_BOUNDARY);
            case 'd', 'D', 's', 'S', 'w', 'W': return new Node.Category(c);
            default: break;
        }
        Integer simple = simpleEscape(c);
        if (simple != null && tok.length() == 2) {
            return new Node.Literal(simple);
        }
        Integer code = codedEscape(tok);
        if (code != null) {
            return new Node.Literal(code);
        }
        if (c == '0') {
            String digits = getWhile(2, OCT);
            return new Node.Literal(Integer.parseInt("0" + digits, 8));
        }
        if (c >= '1' && c <= '9' && tok.length() == 2) {
            String escape = tok;
            if (in(next, DIGITS)) {
                escape += get();
                if (OCT.indexOf(escape.charAt(1)) >= 0 && OCT.indexOf(escape.charAt(2)) >= 0 && in(next, OCT)) {
                    escape += get();
                    int value = Integer.parseInt(escape.substring(1), 8);
                    if (value > 0377) {
                        throw error("octal escape value " + escape + " outside of range 0-0o377", escape.length());
                    }
                    return new Node.Literal(value);
                }
            }
            int group = Integer.parseInt(escape.substring(1));
            if (group < groupWidths.size()) {
                if (!groupClosed(group)) {
                    throw error("cannot refer to an open group", escape.length());
                }
                checkLookbehindGroup(group);
                return new Node.Backref(group);
            }
            throw error("invalid group reference " + group, escape.length() - 1);
        }
        return plainEscape(tok);
    }

    private Node.SetItem classEscape(String tok) throws RegexSyntaxError {
        char c = tok.charAt(1);
        if (c == 'b' && tok.length() == 2) {
            return new Node.SetChar('\b');
        }
        Integer simple = simpleEscape(c);
        if (simple != null && tok.length() == 2) {
            return new Node.SetChar(simple);
        }
        if ("dDsSwW".indexOf(c) >= 0 && tok.length() == 2) {
            return new Node.SetCategory(c);
        }
        Integer code = codedEscape(tok);
        if (code != null) {
            return new Node.SetChar(code);
        }
        if (c >= '0' && c <= '7' && tok.length() == 2) {
            String escape = tok + getWhile(2, OCT);
            int value = Integer.parseInt(escape.substring(1), 8);
            if (value > 0377) {
                throw error("octal escape value " + escape + " outside of range 0-0o377", escape.length());
            }
            return new Node.SetChar(value);
        }
        if (c == '8' || c == '9') {
            throw error("bad escape " + tok, tok.length());
        }
        return new Node.SetChar(((Node.Literal) plainEscape(tok)).codePoint());
    }

    private static Integer simpleEscape(char c) {
        return switch (c) {
            case 'a' -> 7;
            case 'f' -> 12;
            case 'n' -> 10;
            case 'r' -> 13;
            case 't' -> 9;
            case 'v' -> 11;
            case '\\' -> (int) '\\';
            default -> null;
        };
    }

    /** {@code \xhh \\uhhhh \Uhhhhhhhh \N{name}}; null for other escapes. */
    private Integer codedEscape(String tok) throws RegexSyntaxError {
        char c = tok.charAt(1);
        int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
        if (digits > 0 && tok.length() == 2) {
            String escape = tok + getWhile(digits, HEX);
            if (escape.length() != digits + 2) {
                throw error("incomplete escape " + escape, escape.length());
            }
            long value = Long.parseLong(escape.substring(2), 16);
            if (value > Character.MAX_CODE_POINT) {
                throw error("bad escape " + escape, escape.length());
            }
            return (int) value;
        }
        if (c == 'N' && tok.length() == 2) {
            if (!match("{")) {
                throw error("missing {", 0);
            }
            String name = getUntil("}", "character name");
            try {
                return Character.codePointOf(name);
            } catch (IllegalArgumentException e) {
                throw error("undefined character name " + PythonRepr.str(name), cpLength(name) + 4);
            }
        }
        return null;
    }

    private Node plainEscape(String tok) throws RegexSyntaxError {
        int c = tok.codePointAt(1);
        if (c < 128 && Character.isLetter(c)) {
            throw error("bad escape " + tok, 2);
        }
        return new Node.Literal(c);
    }
}
