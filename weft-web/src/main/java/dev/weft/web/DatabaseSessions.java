package dev.weft.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sessions in the app's database (table {@code weft_sessions}, made by weft's own migration): they survive a
 * restart and every process or instance on the same database sees the same ones. Rows are keyed by the
 * SHA-256 of the id, values kept as a JSON object.
 */
public final class DatabaseSessions implements SessionStore {

    /** Where weft's own migrations live, recorded in their own history table. */
    static final String MIGRATIONS = "dev/weft/web/db/migration";
    static final String HISTORY = "weft_schema_history";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };

    private final Database database;

    /** Sessions in {@code database}, creating their table when it is missing. */
    public DatabaseSessions(Database database) {
        this.database = database.migrate(MIGRATIONS, HISTORY, DatabaseSessions.class.getClassLoader());
    }

    @Override
    public Optional<Stored> load(String id) throws Exception {
        return database.one("SELECT created_at, last_seen_at, data FROM weft_sessions WHERE id_hash = ?",
                row -> new Stored(id, Instant.ofEpochMilli(row.getLong(1)), Instant.ofEpochMilli(row.getLong(2)),
                        values(row.getString(3))),
                SessionStore.key(id));
    }

    @Override
    public void save(Stored session) throws Exception {
        String key = SessionStore.key(session.id());
        String data = JSON.writeValueAsString(session.values());
        long created = session.created().toEpochMilli();
        long lastSeen = session.lastSeen().toEpochMilli();
        if (database.update("UPDATE weft_sessions SET data = ?, last_seen_at = ? WHERE id_hash = ?", data, lastSeen, key) == 0) {
            database.update("INSERT INTO weft_sessions (id_hash, created_at, last_seen_at, data) VALUES (?, ?, ?, ?)",
                    key, created, lastSeen, data);
        }
    }

    @Override
    public void touch(String id, Instant lastSeen) throws Exception {
        database.update("UPDATE weft_sessions SET last_seen_at = ? WHERE id_hash = ?", lastSeen.toEpochMilli(), SessionStore.key(id));
    }

    @Override
    public void delete(String id) throws Exception {
        database.update("DELETE FROM weft_sessions WHERE id_hash = ?", SessionStore.key(id));
    }

    @Override
    public int deleteExpired(Instant idleBefore, Instant createdBefore) throws Exception {
        return database.update("DELETE FROM weft_sessions WHERE last_seen_at < ? OR created_at < ?",
                idleBefore.toEpochMilli(), createdBefore.toEpochMilli());
    }

    @Override
    public String describe() {
        return "in the database " + database.describe();
    }

    private static Map<String, String> values(String json) {
        try {
            return JSON.readValue(json, VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored session's data is not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }
}
