package dev.weft.tools.news;

import java.util.List;

/** A group's article count and number range, with summaries of the articles asked for (newest last). */
public record GroupSummary(String group, long count, long first, long last, List<ArticleSummary> articles) {

    public GroupSummary {
        articles = List.copyOf(articles);
    }
}
