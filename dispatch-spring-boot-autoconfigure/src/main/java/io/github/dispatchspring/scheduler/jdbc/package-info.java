/**
 * Call stores on a relational database: an embedded SQLite file database or PostgreSQL.
 */
@NullMarked
package io.github.dispatchspring.scheduler.jdbc;

import org.jspecify.annotations.NullMarked;
