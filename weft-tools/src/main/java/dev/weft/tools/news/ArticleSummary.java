package dev.weft.tools.news;

import java.util.List;

/** One article as weft news shows it: number, From, Subject, Date and the first meaningful body lines. */
public record ArticleSummary(long number, String from, String subject, String date, List<String> lines) {

    public ArticleSummary {
        lines = List.copyOf(lines);
    }
}
