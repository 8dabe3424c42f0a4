package io.github.dispatchspring.scheduler.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dispatchspring.scheduler.Durability;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store's database: a SQLite file in write-ahead-log mode in a directory that one
 * process holds at a time, through an exclusive lock on a file beside the database. Holding the lock
 * proves that no other process runs the calls of this store, so calls leased by an earlier process
 * belong to a process that has ended.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final String FILE = "calls.db";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	private final Path directory;

	private final FileChannel lockFile;

	private final FileLock lock;

	private final HikariDataSource dataSource;

	private EmbeddedDatabase(Path directory, FileChannel lockFile, FileLock lock, HikariDataSource dataSource) {
		this.directory = directory;
		this.lockFile = lockFile;
		this.lock = lock;
		this.dataSource = dataSource;
	}

	/**
	 * Opens the database in a directory, creating both if needed.
	 * @param directory the directory
	 * @param durability whether commits wait for the disk
	 * @param maxConnections the most connections open at once
	 * @param connectionTimeout how long to wait for a connection
	 * @return the open database
	 * @throws IllegalStateException if another process has the directory open
	 */
	public static EmbeddedDatabase open(Path directory, Durability durability, int maxConnections,
			Duration connectionTimeout) {
		Path absolute = directory.toAbsolutePath();
		FileChannel lockFile = null;
		try {
			Files.createDirectories(absolute);
			keepToOwner(absolute);
			lockFile = FileChannel.open(absolute.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = tryLock(lockFile);
			if (lock == null) {
				throw new IllegalStateException("The Dispatch embedded store in " + absolute + " is open in another "
						+ "process: stop it, or give this one its own dispatch.scheduler.embedded.directory "
						+ "(several instances share calls through dispatch.scheduler.store=jdbc)");
			}
			return new EmbeddedDatabase(absolute, lockFile, lock,
					pool(absolute.resolve(FILE), durability, maxConnections, connectionTimeout));
		}
		catch (IOException ex) {
			close(lockFile);
			throw new UncheckedIOException("Cannot open the Dispatch embedded store in " + absolute
					+ " (dispatch.scheduler.embedded.directory)", ex);
		}
		catch (RuntimeException ex) {
			close(lockFile);
			throw ex;
		}
	}

	/**
	 * Lets only the directory's owner in, since the store keeps the scheduler's private key, on file
	 * systems with POSIX permissions.
	 */
	private static void keepToOwner(Path directory) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
		if (view != null && !view.readAttributes().permissions().equals(OWNER_ONLY)) {
			view.setPermissions(OWNER_ONLY);
		}
	}

	private static @Nullable FileLock tryLock(FileChannel lockFile) throws IOException {
		try {
			return lockFile.tryLock();
		}
		catch (java.nio.channels.OverlappingFileLockException ex) {
			return null;
		}
	}

	private static HikariDataSource pool(Path file, Durability durability, int maxConnections,
			Duration connectionTimeout) {
		SQLiteConfig config = new SQLiteConfig();
		config.setJournalMode(SQLiteConfig.JournalMode.WAL);
		config.setSynchronous((durability == Durability.SYNC) ? SQLiteConfig.SynchronousMode.FULL
				: SQLiteConfig.SynchronousMode.NORMAL);
		config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
		config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, connectionTimeout.toMillis()));
		config.setCacheSize(-16384);
		SQLiteDataSource sqlite = new SQLiteDataSource(config);
		sqlite.setUrl("jdbc:sqlite:" + file);
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("dispatch-embedded");
		pool.setDataSource(sqlite);
		pool.setMaximumPoolSize(maxConnections);
		pool.setConnectionTimeout(connectionTimeout.toMillis());
		return pool;
	}

	/**
	 * The database.
	 * @return the pooled data source
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * The directory the database is in.
	 * @return the absolute directory
	 */
	public Path directory() {
		return this.directory;
	}

	/** Closes the connections, then lets other processes open the directory. */
	@Override
	public void close() {
		this.dataSource.close();
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// closing the channel releases it too
		}
		close(this.lockFile);
	}

	private static void close(@Nullable FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// nothing is left to release
			}
		}
	}

}
