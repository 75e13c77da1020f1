package dev.weft.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where sessions live between requests: {@link MemorySessions} in this JVM, or {@link DatabaseSessions} in the
 * app's database, shared by every process and every instance that uses it. Stores see only a hash of each id.
 */
public sealed interface SessionStore permits MemorySessions, DatabaseSessions {

    /** A session as stored. */
    record Stored(String id, Instant created, Instant lastSeen, Map<String, String> values) {
    }

    /** The session with this id, if stored (expiry is the caller's to check). */
    Optional<Stored> load(String id) throws Exception;

    /** Inserts or replaces the session. */
    void save(Stored session) throws Exception;

    /** Records that the session was used at {@code lastSeen}, without rewriting its values. */
    void touch(String id, Instant lastSeen) throws Exception;

    void delete(String id) throws Exception;

    /** Deletes sessions last seen before {@code idleBefore} or created before {@code createdBefore}. */
    int deleteExpired(Instant idleBefore, Instant createdBefore) throws Exception;

    /** What a log line or the docs call this store. */
    String describe();

    /** The key a store files a session id under: its SHA-256, so a leaked table holds no usable ids. */
    static String key(String id) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
