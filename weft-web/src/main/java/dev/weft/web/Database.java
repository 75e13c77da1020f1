package dev.weft.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * An app's SQL database: a HikariCP pool over a JDBC URL, schema migrations by Flyway, and short helpers for
 * parameterised statements (every value is a {@code ?}; no helper takes SQL built from input). The embedded
 * default is an SQLite file in WAL mode with a busy timeout and immediate write transactions, so several
 * threads and several processes can write one file without "database is locked"; a
 * {@code jdbc:postgresql:} URL points at PostgreSQL instead, shared by every instance of the app.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** How long an SQLite writer waits for another (thread or process) before it gives up. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String url;
    private final HikariDataSource pool;
    private final boolean sqlite;

    private Database(String url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
        this.sqlite = url.startsWith("jdbc:sqlite:");
    }

    /** The SQLite file {@code weft.db} in {@code dataDir}, created with the folder on first use. */
    public static Database sqlite(Path dataDir) throws IOException {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new IOException(dataDir + " exists and is not a folder");
        }
        Files.createDirectories(dataDir);
        return open("jdbc:sqlite:" + dataDir.toAbsolutePath().normalize().resolve("weft.db"));
    }

    /**
     * A pool over {@code jdbcUrl} ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST/DB?user=...}).
     *
     * @throws IllegalArgumentException naming the URL when no driver takes it or the database cannot be reached
     */
    public static Database open(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL: '" + jdbcUrl + "' (expected e.g. jdbc:postgresql://localhost/weft)");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("weft-db");
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            // WAL lets readers run beside the one writer; IMMEDIATE takes the write lock at BEGIN so a transaction
            // never has to upgrade (which fails at once, busy timeout or not); busy_timeout waits for the lock.
            config.setJdbcUrl(jdbcUrl);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.setDriverClassName("org.sqlite.JDBC");
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(10);
        }
        config.setMinimumIdle(1);
        config.setConnectionTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.setInitializationFailTimeout(5_000);
        try {
            return new Database(jdbcUrl, new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot open database " + redacted(jdbcUrl) + ": " + rootMessage(e), e);
        }
    }

    /**
     * Applies the Flyway migrations ({@code V1__name.sql} ...) under the class-path folder {@code location},
     * recording them in {@code historyTable}; a separate history table per owner lets weft's own tables and an
     * app's evolve independently in one database. Safe to run from several processes at once.
     *
     * @throws IllegalStateException naming the location when a migration fails
     */
    public Database migrate(String location, String historyTable, ClassLoader loader) {
        try {
            Flyway.configure(loader).dataSource(pool).locations("classpath:" + location).table(historyTable)
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("migrating " + redacted(url) + " with " + location + " failed: " + e.getMessage(), e);
        }
        return this;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL with any password left out, for messages. */
    public String describe() {
        return redacted(url);
    }

    public boolean isSqlite() {
        return sqlite;
    }

    /** Runs an INSERT, UPDATE or DELETE with {@code params} bound in order; returns the rows changed. */
    public int update(String sql, Object... params) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return update(connection, sql, params);
        }
    }

    /** The rows of a SELECT with {@code params} bound in order. */
    public <T> List<T> query(String sql, Row<T> row, Object... params) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return query(connection, sql, row, params);
        }
    }

    /** The first row of a SELECT, if any. */
    public <T> Optional<T> one(String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = query(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    public static <T> List<T> query(Connection connection, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.read(rows));
            }
            return result;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * Whether {@code e} is a unique-constraint violation (SQLSTATE 23505, or SQLite's SQLITE_CONSTRAINT_UNIQUE /
     * PRIMARYKEY): how a race between two inserts of the same key is told apart from a real failure.
     */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("23505".equals(next.getSQLState())) {
                return true;
            }
            String message = String.valueOf(next.getMessage());
            if (message.contains("SQLITE_CONSTRAINT_UNIQUE") || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database answers within {@code seconds}: a pooled connection that passes the driver's own check.
     * For health checks; the reason it does not answer is logged, not thrown.
     */
    public boolean answers(int seconds) {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(seconds);
        } catch (SQLException e) {
            LOG.warn("database {} does not answer: {}", describe(), rootMessage(e));
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        LOG.debug("closed database {}", describe());
    }

    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
