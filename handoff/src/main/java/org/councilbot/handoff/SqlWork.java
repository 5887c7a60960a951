package org.councilbot.handoff;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of JDBC work run by {@link CouncilDatabase#inTransaction(SqlWork)}. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
