package dev.weft.tools.news;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.weft.tools.news.NewsFailure.Step;

/**
 * Seed 003's newest-article summary, generalised: a group's count and range, then From, Subject, Date and the
 * first meaningful body lines of one article or of each of the last N. Rendered as text lines or JSON.
 */
public final class NewsDigest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NewsDigest() {
    }

    /** The last N articles of a group (N = 1 is the seed's newest article). */
    public static GroupSummary last(NewsSession session, String group, int count, int lines) throws NewsFailure {
        if (count < 1) {
            throw new IllegalArgumentException("--last must be at least 1: " + count);
        }
        GroupSummary info = session.group(group);
        if (info.count() == 0 || info.last() < info.first()) {
            return info;
        }
        return summarize(session, info, Math.max(info.first(), info.last() - count + 1), info.last(), lines);
    }

    /** One article of a group, by number. */
    public static GroupSummary article(NewsSession session, String group, long number, int lines) throws NewsFailure {
        GroupSummary info = session.group(group);
        GroupSummary summary = summarize(session, info, number, number, lines);
        if (summary.articles().isEmpty()) {
            throw new NewsFailure(Step.ARTICLE, Long.toString(number),
                    "no such article in " + group + " (it holds " + info.first() + "-" + info.last() + ")");
        }
        return summary;
    }

    private static GroupSummary summarize(NewsSession session, GroupSummary info, long low, long high, int lines)
            throws NewsFailure {
        SortedMap<Long, Map<String, String>> headers = session.headers(low, high);
        List<ArticleSummary> articles = new ArrayList<>();
        for (Map.Entry<Long, Map<String, String>> article : headers.entrySet()) {
            Map<String, String> h = article.getValue();
            articles.add(new ArticleSummary(article.getKey(), h.getOrDefault("From", ""), h.getOrDefault("Subject", ""),
                    h.getOrDefault("Date", ""), MeaningfulLines.first(session.body(article.getKey()), lines)));
        }
        return new GroupSummary(info.group(), info.count(), info.first(), info.last(), articles);
    }

    /** The summary as the lines weft prints. */
    public static List<String> text(GroupSummary summary) {
        List<String> out = new ArrayList<>();
        out.add(summary.count() == 0 ? summary.group() + ": no articles"
                : "%s: %d article%s, numbers %d-%d".formatted(summary.group(), summary.count(),
                        summary.count() == 1 ? "" : "s", summary.first(), summary.last()));
        for (ArticleSummary article : summary.articles()) {
            out.add("");
            out.add("article " + article.number());
            out.add("From: " + article.from());
            out.add("Subject: " + article.subject());
            out.add("Date: " + article.date());
            out.add("");
            article.lines().forEach(line -> out.add(line.isEmpty() ? "" : "    " + line));
        }
        return out;
    }

    public static String json(GroupSummary summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary record always serialises", e);
        }
    }
}
