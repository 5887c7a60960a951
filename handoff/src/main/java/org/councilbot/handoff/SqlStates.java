package org.councilbot.handoff;

import java.sql.SQLException;

/** Recognises the constraint violations that the stores turn into domain errors. */
final class SqlStates {
    private SqlStates() {
    }

    /** A duplicate primary or unique key: 23505 on both PostgreSQL and H2. */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * A foreign key whose parent row is missing. PostgreSQL says 23503 for every foreign key
     * violation; H2 says 23506 for a missing parent and keeps 23503 for a child still present.
     */
    static boolean isMissingParent(SQLException e) {
        return "23503".equals(e.getSQLState()) || "23506".equals(e.getSQLState());
    }

    /**
     * Describes a failure without its message: driver messages can quote the values bound to a
     * statement (H2 quotes a value that is too long), and those can be a resident's words.
     */
    static String describe(SQLException e) {
        return "SQL state " + e.getSQLState() + ", vendor code " + e.getErrorCode() + ", "
                + e.getClass().getSimpleName();
    }
}
