package dev.weft.web.demo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.weft.web.Database;
import dev.weft.web.Passwords;

/**
 * The demo site's user accounts in the app's database: register (the UNIQUE constraints, not a look-up first,
 * decide who gets a name), check a password, read and edit a profile. Every statement is parameterised.
 */
final class Accounts {

    /** A stored account, without its password hash. */
    record Account(String id, String username, String email, Integer age, String gender, String avatar) {
    }

    /** What a registration came to. */
    sealed interface Registration {
    }

    record Registered(Account account) implements Registration {
    }

    record NameTaken() implements Registration {
    }

    record EmailTaken() implements Registration {
    }

    private static final String COLUMNS = "id, username, email, age, gender, avatar";

    private final Database database;
    private final Passwords passwords;

    Accounts(Database database, Passwords passwords) {
        this.database = database;
        this.passwords = passwords;
    }

    Registration register(String username, String email, String password, String avatar) throws SQLException {
        String hash = passwords.hash(password);
        String id = UUID.randomUUID().toString();
        try {
            database.update("INSERT INTO demo_users (id, username, username_key, email, email_key, password_hash, avatar, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, username, key(username), email, key(email), hash, avatar,
                    Instant.now().toEpochMilli());
        } catch (SQLException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            return String.valueOf(e.getMessage()).contains("email_key") ? new EmailTaken() : new NameTaken();
        }
        return new Registered(new Account(id, username, email, null, null, avatar));
    }

    /** The account whose name and password these are; the same work is done when the name is unknown. */
    Optional<Account> authenticate(String username, String password) throws SQLException {
        Optional<String[]> found = database.one("SELECT id, password_hash FROM demo_users WHERE username_key = ?",
                row -> new String[] {row.getString(1), row.getString(2)}, key(username));
        boolean matches = passwords.verify(password, found.map(row -> row[1]).orElse(null));
        return matches ? byId(found.get()[0]) : Optional.empty();
    }

    Optional<Account> byId(String id) throws SQLException {
        return database.one("SELECT " + COLUMNS + " FROM demo_users WHERE id = ?", Accounts::account, id);
    }

    void updateProfile(String id, Integer age, String gender) throws SQLException {
        database.update("UPDATE demo_users SET age = ?, gender = ? WHERE id = ?", age, gender, id);
    }

    int count() throws SQLException {
        return database.one("SELECT COUNT(*) FROM demo_users", row -> row.getInt(1)).orElse(0);
    }

    private static Account account(ResultSet row) throws SQLException {
        int age = row.getInt(4);
        Integer told = row.wasNull() ? null : age;
        return new Account(row.getString(1), row.getString(2), row.getString(3), told, row.getString(5), row.getString(6));
    }

    static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
