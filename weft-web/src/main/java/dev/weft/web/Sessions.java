package dev.weft.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.http.HttpResponse;

/**
 * An app's sessions at request time: finds the session a request's cookie names (unless expired), and after the
 * handler saves what changed, sets or clears the cookie, and deletes what was rotated away or ended. Expired
 * sessions are swept from the store now and then, by whichever request comes along.
 */
final class Sessions {

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    /** A session only read is re-stamped in the store at most this often. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final SessionStore store;
    private final SessionSettings settings;
    private final Clock clock;
    private final AtomicReference<Instant> lastSweep;

    Sessions(SessionStore store, SessionSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.lastSweep = new AtomicReference<>(clock.instant());
    }

    SessionStore store() {
        return store;
    }

    SessionSettings settings() {
        return settings;
    }

    /** The live session the request's cookie names, if any; an expired one is deleted. */
    Optional<Session> find(Request request) throws Exception {
        String id = request.cookie(settings.cookieName());
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        Optional<SessionStore.Stored> stored = store.load(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        SessionStore.Stored found = stored.get();
        if (found.lastSeen().plus(settings.idle()).isBefore(now) || found.created().plus(settings.absolute()).isBefore(now)) {
            store.delete(id);
            return Optional.empty();
        }
        return Optional.of(Session.stored(found));
    }

    Session create() {
        return Session.fresh(clock.instant());
    }

    /** Stores what the handler did to {@code session} and tells the browser. */
    HttpResponse commit(Request request, Session session, HttpResponse response) throws Exception {
        Instant now = clock.instant();
        boolean secure = request.http().isSecure();
        if (session.isInvalidated()) {
            if (!session.isFresh()) {
                store.delete(session.id());
            }
            if (session.replacedId() != null) {
                store.delete(session.replacedId());
            }
            if (request.cookie(settings.cookieName()) != null) {
                Cookie.deleting(settings.cookieName()).withSecure(secure).addTo(response);
            }
        } else if (session.isChanged()) {
            session.seen(now);
            store.save(session.toStored());
            if (session.replacedId() != null) {
                store.delete(session.replacedId());
            }
            if (!session.id().equals(request.cookie(settings.cookieName()))) {
                Cookie.of(settings.cookieName(), session.id()).withSecure(secure).addTo(response);
            }
        } else if (session.lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
            store.touch(session.id(), now);
        }
        if (!response.headers().contains("Cache-Control")) {
            // a page made for one visitor must not be kept by a shared cache, nor shown again from history after logout
            response.header("Cache-Control", "no-store");
        }
        sweep(now);
        return response;
    }

    private void sweep(Instant now) {
        Instant last = lastSweep.get();
        if (last.plus(SWEEP_EVERY).isAfter(now) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        try {
            int removed = store.deleteExpired(now.minus(settings.idle()), now.minus(settings.absolute()));
            LOG.debug("swept {} expired sessions {}", removed, store.describe());
        } catch (Exception e) {
            LOG.warn("cannot sweep expired sessions {}: {}", store.describe(), e.toString());
        }
    }
}
