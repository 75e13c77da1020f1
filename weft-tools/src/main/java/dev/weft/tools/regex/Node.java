package dev.weft.tools.regex;

import java.util.List;

/**
 * A parsed Python pattern, close to what Python's own parser builds: the emitter turns it into a
 * {@code java.util.regex} pattern with Python's meaning, the explainer prints it as a tree.
 */
sealed interface Node {

    /** A character, as a code point. */
    record Literal(int codePoint) implements Node {
    }

    /** {@code .}: any character, or any but a newline without DOTALL (the emitter decides from the flags). */
    record AnyChar() implements Node {
    }

    /** {@code \d \D \w \W \s \S}: Unicode or ASCII as the flags say. */
    record Category(char letter) implements Node {
    }

    /** {@code [...]}. */
    record CharSet(boolean negated, List<SetItem> items) implements Node {
    }

    /** {@code ^ $ \A \Z \b \B}. */
    record Anchor(AnchorKind kind) implements Node {
    }

    /** {@code (...)} and {@code (?P<name>...)}; {@code number} counts from 1 as in Python. */
    record Group(int number, String name, Node body) implements Node {
    }

    /** {@code (?:...)} and {@code (?flags-flags:...)}. */
    record Scoped(int on, int off, Node body) implements Node {
    }

    /** {@code (?=...) (?!...) (?<=...) (?<!...)}. */
    record Look(boolean behind, boolean negative, Node body) implements Node {
    }

    /** {@code (?>...)}. */
    record Atomic(Node body) implements Node {
    }

    /** {@code \1} and {@code (?P=name)}. */
    record Backref(int group) implements Node {
    }

    /** {@code (?(group)yes|no)}; {@code no} is empty when absent. */
    record Conditional(int group, Node yes, Node no) implements Node {
    }

    /** A quantifier; {@code max} is -1 for no limit. */
    record Repeat(Node body, long min, long max, Greed greed) implements Node {
    }

    record Alternation(List<Node> branches) implements Node {
    }

    record Sequence(List<Node> items) implements Node {
    }

    enum AnchorKind { LINE_START, LINE_END, STRING_START, STRING_END, WORD_BOUNDARY, NOT_WORD_BOUNDARY }

    enum Greed { GREEDY, LAZY, POSSESSIVE }

    /** One member of a character set. */
    sealed interface SetItem {
    }

    record SetChar(int codePoint) implements SetItem {
    }

    record SetRange(int low, int high) implements SetItem {
    }

    record SetCategory(char letter) implements SetItem {
    }
}
