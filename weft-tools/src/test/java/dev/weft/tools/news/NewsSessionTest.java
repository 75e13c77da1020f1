package dev.weft.tools.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.net.nntp.NewsgroupInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.tools.news.NewsFailure.Step;

/**
 * Summary, digest, groups, posting and login against a real INN started for this class. 127.0.0.1 is a peer in
 * INN's incoming.conf, so posting works only because the session asks for MODE READER.
 */
class NewsSessionTest {

    private static final String GROUP = "weft.test";
    private static final String QUOTED_REPLY = """
            In article <first@test.invalid>, Alice <alice@test.invalid> wrote:
            > Is there a way to round up to the next ten?
            > I tried round().
            |  piped quote

            Add nine, then divide.



            That is all it takes.
            >>> (41 + 9) // 10 * 10
            50
            Bob Smith writes:
            """;

    @TempDir
    static Path dir;

    private static InnServer inn;

    @BeforeAll
    static void startInnAndPost() throws Exception {
        inn = InnServer.start(dir, List.of(GROUP, "weft.other", "weft.private"));
        try (NewsSession session = NewsSession.open(inn.address())) {
            session.post(GROUP, "Rounding", "Alice <alice@test.invalid>", List.of("How do I round up to tens?"));
            session.post(GROUP, "Re: Rounding", "Bob <bob@test.invalid>", QUOTED_REPLY.lines().toList());
            session.post(GROUP, "Many lines", "Carol <carol@test.invalid>",
                    IntStream.rangeClosed(1, 25).mapToObj(i -> "line " + i).toList());
        }
        try (NewsSession member = NewsSession.open(inn.address().withLogin("reader", InnServer.PASSWORD))) {
            member.post("weft.private", "Members only", "Dan <dan@test.invalid>", List.of("secret"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (NewsSession session = NewsSession.open(inn.address())) {
                return session.group(GROUP).count() == 3;
            }
        });
    }

    @AfterAll
    static void stopInn() throws Exception {
        if (inn != null) {
            inn.close();
        }
    }

    @Test
    void summaryShowsTheGroupThenTheNewestArticleWithTwentyMeaningfulLines() throws Exception {
        List<String> text = summaryText(read(session -> NewsDigest.last(session, GROUP, 1, 20)));

        List<String> expected = new ArrayList<>(List.of("weft.test: 3 articles, numbers 1-3", "", "article 3",
                "From: Carol <carol@test.invalid>", "Subject: Many lines", "Date: (date)", ""));
        IntStream.rangeClosed(1, 20).forEach(i -> expected.add("    line " + i));
        assertThat(text).containsExactlyElementsOf(expected);
    }

    @Test
    void articleOptionShowsThatArticleWithQuotesAndAttributionsFilteredOut() throws Exception {
        assertThat(summaryText(read(session -> NewsDigest.article(session, GROUP, 2, 20)))).containsExactly(
                "weft.test: 3 articles, numbers 1-3",
                "",
                "article 2",
                "From: Bob <bob@test.invalid>",
                "Subject: Re: Rounding",
                "Date: (date)",
                "",
                "    Add nine, then divide.",
                "",
                "    That is all it takes.",
                "    >>> (41 + 9) // 10 * 10",
                "    50");
    }

    @Test
    void digestSummarisesEachOfTheLastNArticlesOldestFirst() throws Exception {
        List<String> text = summaryText(read(session -> NewsDigest.last(session, GROUP, 3, 2)));

        assertThat(text).containsExactly(
                "weft.test: 3 articles, numbers 1-3",
                "", "article 1", "From: Alice <alice@test.invalid>", "Subject: Rounding", "Date: (date)", "",
                "    How do I round up to tens?",
                "", "article 2", "From: Bob <bob@test.invalid>", "Subject: Re: Rounding", "Date: (date)", "",
                "    Add nine, then divide.", "", "    That is all it takes.",
                "", "article 3", "From: Carol <carol@test.invalid>", "Subject: Many lines", "Date: (date)", "",
                "    line 1", "    line 2");
    }

    @Test
    void jsonCarriesTheSameSummary() throws Exception {
        JsonNode json = new ObjectMapper().readTree(NewsDigest.json(read(session -> NewsDigest.last(session, GROUP, 1, 3))));

        assertThat(json.get("group").asText()).isEqualTo(GROUP);
        assertThat(json.get("count").asLong()).isEqualTo(3);
        JsonNode article = json.get("articles").get(0);
        assertThat(article.get("number").asLong()).isEqualTo(3);
        assertThat(article.get("subject").asText()).isEqualTo("Many lines");
        assertThat(article.get("date").asText()).isNotBlank();
        assertThat(article.get("lines")).extracting(JsonNode::asText).containsExactly("line 1", "line 2", "line 3");
    }

    @Test
    void groupsListsTheGroupsMatchingAPattern() throws Exception {
        try (NewsSession session = NewsSession.open(inn.address())) {
            assertThat(session.groups("weft.t*")).extracting(NewsgroupInfo::getNewsgroup).containsExactly(GROUP);
            assertThat(session.groups("weft.*")).extracting(NewsgroupInfo::getNewsgroup)
                    .contains(GROUP, "weft.other").doesNotContain("control", "weft.private");
        }
    }

    @Test
    void missingGroupFailsNamingTheGroup() {
        assertThatThrownBy(() -> read(session -> NewsDigest.last(session, "weft.nowhere", 1, 20)))
                .isInstanceOfSatisfying(NewsFailure.class, e -> assertThat(e.step()).isEqualTo(Step.GROUP))
                .hasMessageStartingWith("cannot read group weft.nowhere: no such group (411");
    }

    @Test
    void missingArticleFailsNamingTheRange() {
        assertThatThrownBy(() -> read(session -> NewsDigest.article(session, GROUP, 99, 20)))
                .hasMessage("cannot read article 99: no such article in weft.test (it holds 1-3)");
    }

    @Test
    void emptyGroupSaysSo() throws Exception {
        assertThat(summaryText(read(session -> NewsDigest.last(session, "weft.other", 1, 20)))).containsExactly("weft.other: no articles");
    }

    @Test
    void authinfoOpensAGroupHiddenFromAnonymousReaders() throws Exception {
        assertThatThrownBy(() -> read(session -> session.group("weft.private"))).hasMessage(
                "cannot read group weft.private: the server asks for --user and --password (480 Read access denied)");

        NewsServer member = inn.address().withLogin("reader", InnServer.PASSWORD);
        try (NewsSession session = NewsSession.open(member)) {
            assertThat(session.group("weft.private").count()).isEqualTo(1);
        }
    }

    @Test
    void wrongPasswordFailsAsLoginRefused() {
        NewsServer wrong = inn.address().withLogin("reader", "wrong");

        assertThatThrownBy(() -> NewsSession.open(wrong))
                .isInstanceOfSatisfying(NewsFailure.class, e -> assertThat(e.step()).isEqualTo(Step.LOGIN))
                .hasMessageStartingWith("login refused for user reader on 127.0.0.1:" + inn.port() + ": 481");
    }

    @Test
    void closedPortFailsAsCannotReachHost() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> NewsSession.open(NewsServer.parse("127.0.0.1:" + closed, false)))
                .hasMessageStartingWith("cannot reach 127.0.0.1:" + closed + ": Connection refused");
    }

    @Test
    void postRejectsAMultiLineSubject() {
        assertThatThrownBy(() -> read(session -> session.post(GROUP, "one\ntwo", "x <x@test.invalid>", List.of())))
                .hasMessageStartingWith("the subject must be one non-empty line");
    }

    /** Runs one call on a fresh anonymous session. */
    private static <T> T read(SessionCall<T> call) throws NewsFailure {
        try (NewsSession session = NewsSession.open(inn.address())) {
            return call.run(session);
        }
    }

    @FunctionalInterface
    private interface SessionCall<T> {
        T run(NewsSession session) throws NewsFailure;
    }

    /** The text summary with the server-given Date values replaced by "(date)". */
    private static List<String> summaryText(GroupSummary summary) {
        assertThat(summary.articles()).allSatisfy(a -> assertThat(a.date()).matches(".*\\d{4} \\d\\d:\\d\\d:\\d\\d.*"));
        return NewsDigest.text(summary).stream().map(line -> line.startsWith("Date: ") ? "Date: (date)" : line).toList();
    }
}
