package dev.weft.web;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sessions in this JVM's heap: for apps without a database. They vanish on restart and are not shared between
 * the worker processes of the processes model (a visitor may land on another worker): give the app a database
 * for either.
 */
public final class MemorySessions implements SessionStore {

    private final ConcurrentMap<String, Stored> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<Stored> load(String id) {
        Stored stored = sessions.get(SessionStore.key(id));
        return stored == null ? Optional.empty() : Optional.of(new Stored(id, stored.created(), stored.lastSeen(), stored.values()));
    }

    @Override
    public void save(Stored session) {
        sessions.put(SessionStore.key(session.id()), session);
    }

    @Override
    public void touch(String id, Instant lastSeen) {
        sessions.computeIfPresent(SessionStore.key(id),
                (key, stored) -> new Stored(stored.id(), stored.created(), lastSeen, stored.values()));
    }

    @Override
    public void delete(String id) {
        sessions.remove(SessionStore.key(id));
    }

    @Override
    public int deleteExpired(Instant idleBefore, Instant createdBefore) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.lastSeen().isBefore(idleBefore) || s.created().isBefore(createdBefore));
        return before - sessions.size();
    }

    @Override
    public String describe() {
        return "in memory";
    }
}
