package dev.weft.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One visitor's session: string values by key, kept by the app's {@link SessionStore} between requests and
 * found again by the random id in the visitor's cookie. A handler gets it from {@link Request#session()};
 * changes are saved when the response goes out. {@link #rotate()} gives it a new id (call it when the
 * visitor logs in, so an id planted before login is worthless), {@link #invalidate()} ends it (log out).
 */
public final class Session {

    static final String CSRF_KEY = "_csrf";
    static final String FLASH_KEY = "_flash";
    private static final String FLASH_SEPARATOR = "\u001f";
    private static final SecureRandom RANDOM = new SecureRandom();

    private String id;
    private final Instant created;
    private Instant lastSeen;
    private final Map<String, String> values;
    private final boolean fresh;
    private String replacedId;
    private boolean changed;
    private boolean invalidated;

    private Session(String id, Instant created, Instant lastSeen, Map<String, String> values, boolean fresh) {
        this.id = id;
        this.created = created;
        this.lastSeen = lastSeen;
        this.values = new LinkedHashMap<>(values);
        this.fresh = fresh;
        this.changed = fresh;
    }

    static Session fresh(Instant now) {
        return new Session(newId(), now, now, Map.of(), true);
    }

    static Session stored(SessionStore.Stored stored) {
        return new Session(stored.id(), stored.created(), stored.lastSeen(), stored.values(), false);
    }

    /** 32 bytes from {@link SecureRandom}, base64url: 256 bits nobody can guess. */
    static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The id the visitor's cookie carries; changes on {@link #rotate()}. */
    public String id() {
        return id;
    }

    public Instant created() {
        return created;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public String get(String key) {
        return values.get(key);
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Session put(String key, String value) {
        if (!value.equals(values.put(key, value))) {
            changed = true;
        }
        return this;
    }

    public Session remove(String key) {
        if (values.remove(key) != null) {
            changed = true;
        }
        return this;
    }

    /** Every value, for reading. */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * Gives the session a new random id and a new CSRF token, keeping its values: the old id (maybe planted by
     * an attacker before login) stops working when the response is sent.
     */
    public Session rotate() {
        if (replacedId == null && !fresh) {
            replacedId = id;
        }
        id = newId();
        values.remove(CSRF_KEY);
        changed = true;
        return this;
    }

    /** Ends the session: it is deleted from the store and the visitor's cookie is cleared. */
    public void invalidate() {
        invalidated = true;
        values.clear();
    }

    public boolean isInvalidated() {
        return invalidated;
    }

    /** This session's CSRF token, made on first use and kept until the session rotates. */
    public String csrfToken() {
        String token = values.get(CSRF_KEY);
        if (token == null) {
            token = newId();
            put(CSRF_KEY, token);
        }
        return token;
    }

    /** Whether {@code token} is this session's CSRF token, compared in constant time. */
    boolean csrfTokenMatches(String token) {
        String expected = values.get(CSRF_KEY);
        return expected != null && token != null
                && MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Keeps {@code message} for the next page this session renders (one time). */
    public Session flash(String message) {
        String queued = values.get(FLASH_KEY);
        return put(FLASH_KEY, queued == null ? message : queued + FLASH_SEPARATOR + message);
    }

    /** The flash messages queued so far, removed: each is shown once. */
    public List<String> takeFlashes() {
        String queued = values.get(FLASH_KEY);
        if (queued == null) {
            return List.of();
        }
        remove(FLASH_KEY);
        return new ArrayList<>(List.of(queued.split(FLASH_SEPARATOR)));
    }

    boolean isFresh() {
        return fresh;
    }

    boolean isChanged() {
        return changed;
    }

    /** The id this session had before {@link #rotate()}, to delete from the store; null when it did not rotate. */
    String replacedId() {
        return replacedId;
    }

    void seen(Instant now) {
        lastSeen = now;
    }

    SessionStore.Stored toStored() {
        return new SessionStore.Stored(id, created, lastSeen, Map.copyOf(values));
    }

    @Override
    public String toString() {
        return "session created " + created + " (" + values.size() + " values)";
    }
}
