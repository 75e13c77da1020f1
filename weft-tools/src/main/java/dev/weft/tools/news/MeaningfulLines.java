package dev.weft.tools.news;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first N meaningful lines of an article body, by seed 003's rules (its displayFirst20): trailing spaces are
 * dropped; quoted lines starting with '>' or '|' are skipped, but '>>>' prompts are kept; "In article ..." lines and
 * lines ending in "writes:" or "wrote:" are skipped; a run of blank lines shows as one, leading blank lines not at all;
 * only non-blank lines count toward N.
 */
public final class MeaningfulLines {

    private MeaningfulLines() {
    }

    public static List<String> first(List<String> body, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("line limit must be at least 1: " + limit);
        }
        List<String> shown = new ArrayList<>();
        int count = 0;
        boolean lastBlank = true;
        for (String raw : body) {
            String line = raw.stripTrailing();
            if (!line.isEmpty() && quotation(line.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!lastBlank || !line.isEmpty()) {
                shown.add(line);
                lastBlank = line.isEmpty();
                if (!lastBlank && ++count == limit) {
                    break;
                }
            }
        }
        return shown;
    }

    private static boolean quotation(String lower) {
        return lower.startsWith(">") && !lower.startsWith(">>>")
                || lower.startsWith("|")
                || lower.startsWith("in article")
                || lower.endsWith("writes:")
                || lower.endsWith("wrote:");
    }
}
