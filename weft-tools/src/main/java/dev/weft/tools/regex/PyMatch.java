package dev.weft.tools.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's match object: the groups' bounds (in chars of the text, -1 when a group did not take part), read as
 * Python reads them: {@code span()} in code points, {@code group()}, {@code groups()}, {@code groupdict()}.
 */
public final class PyMatch {

    private final CharSequence text;
    private final int[] bounds; // start, end per Python group, group 0 first
    private final Map<String, Integer> names;
    private final CodePoints codePoints;

    PyMatch(CharSequence text, int[] bounds, Map<String, Integer> names, CodePoints codePoints) {
        this.text = text;
        this.bounds = bounds;
        this.names = names;
        this.codePoints = codePoints;
    }

    public int groupCount() {
        return bounds.length / 2 - 1;
    }

    /** The group's text, or null when it did not take part. */
    public String group(int group) {
        int start = bounds[2 * group];
        return start < 0 ? null : text.subSequence(start, bounds[2 * group + 1]).toString();
    }

    /** The group's bounds in chars of the text (-1 when it did not take part). */
    public int start(int group) {
        return bounds[2 * group];
    }

    public int end(int group) {
        return bounds[2 * group + 1];
    }

    /** {@code m.span()} in code points, as Python counts. */
    public List<Integer> span() {
        return List.of(codePoints.of(bounds[0]), codePoints.of(bounds[1]));
    }

    /** {@code m.groups()}: null for a group that did not take part. */
    public List<String> groups() {
        List<String> groups = new ArrayList<>();
        for (int g = 1; g <= groupCount(); g++) {
            groups.add(group(g));
        }
        return groups;
    }

    /** {@code m.groupdict()}, in the order the names appear in the pattern. */
    public Map<String, String> groupdict() {
        Map<String, String> dict = new LinkedHashMap<>();
        names.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> dict.put(e.getKey(), group(e.getValue())));
        return dict;
    }

    /** Python's {@code repr(m)}. */
    public String repr() {
        List<Integer> span = span();
        return "<re.Match object; span=(" + span.get(0) + ", " + span.get(1) + "), match=" + PythonRepr.str(group(0))
                + ">";
    }

    /** The match as weft's JSON shows it: span, group, groups, groupdict. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("span", span());
        json.put("group", group(0));
        json.put("groups", groups());
        json.put("groupdict", groupdict());
        return json;
    }

    @Override
    public String toString() {
        return repr() + Arrays.toString(bounds);
    }
}
