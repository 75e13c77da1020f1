package dev.weft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.commons.net.nntp.NewsgroupInfo;

import dev.weft.tools.news.GroupSummary;
import dev.weft.tools.news.NewsDigest;
import dev.weft.tools.news.NewsServer;
import dev.weft.tools.news.NewsSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft news}: seed 003's newest-article summary of a group, a digest of the last N articles,
 * the group list, and posting.
 */
@Command(name = "news", mixinStandardHelpOptions = true,
        description = {"NNTP client: a group's count, range and newest article.",
                "Shows the article's From, Subject, Date and its first meaningful body lines (quotes and attributions "
                        + "left out)."})
public final class NewsCommand implements Callable<Integer> {

    /** Its subcommands, in the order help lists them (registered by {@link WeftCommand#subcommand}). */
    static final List<Class<?>> SUBCOMMANDS = List.of(NewsCommand.Digest.class, NewsCommand.Groups.class, NewsCommand.Post.class);

    @Mixin
    Connection connection;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "GROUP", arity = "0..1", description = "The newsgroup, e.g. comp.lang.python.")
    String group;

    @Option(names = "--article", paramLabel = "N", description = "Show article N instead of the newest.")
    Long article;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        if (group == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return ExitCode.USAGE.code();
        }
        return run(() -> {
            try (NewsSession session = NewsSession.open(connection.server())) {
                GroupSummary summary = article == null ? NewsDigest.last(session, group, 1, output.lines)
                        : NewsDigest.article(session, group, article, output.lines);
                output.print(spec.commandLine().getOut(), summary);
            }
        });
    }

    /** Server, TLS and login options shared by every news command. */
    static final class Connection {
        @Option(names = "--server", paramLabel = "HOST[:PORT]", defaultValue = "${env:NNTPSERVER:-localhost}",
                description = "News server (default: $NNTPSERVER or localhost; port 119, 563 with --tls).")
        String server;

        @Option(names = "--user", description = "AUTHINFO user name.")
        String user;

        @Option(names = "--password", description = "AUTHINFO password.")
        String password;

        @Option(names = "--tls", description = "TLS: NNTPS on port 563, STARTTLS on any other port.")
        boolean tls;

        @Mixin
        SessionOptions session;

        NewsServer server() {
            return NewsServer.parse(server, tls).withLogin(user, password).withInsecure(session.insecure)
                    .withTimeout(session.timeout());
        }
    }

    /** How summaries are shown. */
    static final class Output {
        @Option(names = "--lines", paramLabel = "N", defaultValue = "20",
                description = "Meaningful body lines per article (default ${DEFAULT-VALUE}).")
        int lines;

        @Option(names = "--json", description = "Print the summary as JSON.")
        boolean json;

        void print(PrintWriter out, GroupSummary summary) {
            if (json) {
                out.println(NewsDigest.json(summary));
            } else {
                NewsDigest.text(summary).forEach(out::println);
            }
        }
    }

    @Command(name = "digest", mixinStandardHelpOptions = true,
            description = "The same summary for each of the last N articles of a group, oldest first.")
    static final class Digest implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Mixin
        Output output;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "GROUP")
        String group;

        @Option(names = "--last", paramLabel = "N", defaultValue = "10",
                description = "How many of the newest articles (default ${DEFAULT-VALUE}).")
        int last;

        @Override
        public Integer call() {
            return run(() -> {
                try (NewsSession session = NewsSession.open(connection.server())) {
                    output.print(spec.commandLine().getOut(), NewsDigest.last(session, group, last, output.lines));
                }
            });
        }
    }

    @Command(name = "groups", mixinStandardHelpOptions = true,
            description = "List the groups matching PATTERN (a wildmat such as comp.lang.*; default all).")
    static final class Groups implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "PATTERN", arity = "0..1", defaultValue = "*")
        String pattern;

        @Override
        public Integer call() {
            return run(() -> {
                try (NewsSession session = NewsSession.open(connection.server())) {
                    PrintWriter out = spec.commandLine().getOut();
                    for (NewsgroupInfo info : session.groups(pattern)) {
                        out.printf("%-40s %8d  %d-%d  %s%n", info.getNewsgroup(), info.getArticleCountLong(),
                                info.getFirstArticleLong(), info.getLastArticleLong(), posting(info));
                    }
                }
            });
        }

        private static String posting(NewsgroupInfo info) {
            return switch (info.getPostingPermission()) {
                case NewsgroupInfo.PERMITTED_POSTING_PERMISSION -> "posting ok";
                case NewsgroupInfo.MODERATED_POSTING_PERMISSION -> "moderated";
                case NewsgroupInfo.PROHIBITED_POSTING_PERMISSION -> "no posting";
                default -> "";
            };
        }
    }

    @Command(name = "post", mixinStandardHelpOptions = true,
            description = "Post an article to GROUP; the body is read from standard input.")
    static final class Post implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "GROUP")
        String group;

        @Option(names = "--subject", required = true)
        String subject;

        @Option(names = "--from", required = true, description = "e.g. \"Ann <ann@example.org>\"")
        String from;

        @Override
        public Integer call() {
            return run(() -> {
                List<String> body;
                try {
                    body = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList();
                } catch (UncheckedIOException e) {
                    throw new CommandFailure("cannot read the article body from standard input: "
                            + e.getCause().getMessage(), e);
                }
                try (NewsSession session = NewsSession.open(connection.server())) {
                    spec.commandLine().getOut().println(session.post(group, subject, from, body));
                }
            });
        }
    }

    /** Runs a news action; a failed step becomes the one line the user sees. */
    private static int run(NewsAction action) {
        return SessionOptions.run(() -> {
            action.run();
            return ExitCode.OK.code();
        });
    }

    @FunctionalInterface
    private interface NewsAction {
        void run() throws IOException;
    }
}
