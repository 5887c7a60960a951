package org.councilbot.handoff;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import org.councilbot.core.CouncilbotException;
import org.flywaydb.core.Flyway;

/**
 * The councilbot database: a connection pool over PostgreSQL or H2, migrated to the current
 * schema when opened.
 *
 * <p>Opening fails fast: an unreachable server, a wrong password or a failed migration throws
 * {@link CouncilbotException} naming the URL (never the password), so a misconfigured node
 * does not start. Closing releases every connection; an in-memory H2 database is dropped then.
 */
public final class CouncilDatabase implements AutoCloseable {
    private static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource pool;
    private final AutoCloseable anchor;

    private CouncilDatabase(HikariDataSource pool, AutoCloseable anchor) {
        this.pool = pool;
        this.anchor = anchor;
    }

    /** Connects, checks the login and applies any pending migrations. */
    public static CouncilDatabase open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        AutoCloseable anchor = anchor(settings);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            closeQuietly(anchor, e);
            throw unavailable(settings, e);
        }
        try {
            migrate(settings);
        } catch (RuntimeException e) {
            pool.close();
            closeQuietly(anchor, e);
            throw new CouncilbotException("database_migration_failed", "Could not migrate the database at "
                    + settings.redactedUrl() + " to the current schema: " + scrub(e.getMessage(), settings), e);
        }
        return new CouncilDatabase(pool, anchor);
    }

    /**
     * Runs {@code work} in one transaction on a pooled connection: committed if it returns,
     * rolled back if it throws.
     */
    <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        }
    }

    @Override
    public void close() {
        pool.close();
        try {
            anchor.close();
        } catch (Exception e) {
            // Only an in-memory H2 connection, about to be dropped with its database anyway.
        }
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("councilbot-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        // Fail in the constructor when the first connection cannot be made, not on first use.
        config.setInitializationFailTimeout(1);
        return config;
    }

    /**
     * H2 drops an in-memory database when its last connection closes, and the pool retires idle
     * connections, so one connection outside the pool keeps the database for the pool's life.
     */
    private static AutoCloseable anchor(DatabaseSettings settings) {
        if (!settings.isH2InMemory()) {
            return () -> { };
        }
        try {
            return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        } catch (SQLException e) {
            throw unavailable(settings, e);
        }
    }

    /**
     * Flyway holds two connections at once (one locks its history table), so it connects on its
     * own rather than through the pool: a pool of one would wait for itself.
     */
    private static void migrate(DatabaseSettings settings) {
        Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }

    private static CouncilbotException unavailable(DatabaseSettings settings, Exception e) {
        return new CouncilbotException("database_unavailable", "Cannot open the database at "
                + settings.redactedUrl() + " (database.url) as user '" + settings.user()
                + "' (database.user): " + scrub(rootMessage(e), settings), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    // No driver we use echoes the password; masking it here keeps the message safe if one does.
    private static String scrub(String message, DatabaseSettings settings) {
        String text = message == null ? "" : message;
        String password = settings.password();
        return password.isEmpty() ? text : text.replace(password, "****");
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(AutoCloseable resource, Exception failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
