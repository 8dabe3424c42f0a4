package io.github.dispatchspring.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.InMemoryCallStore;
import io.github.dispatchspring.scheduler.jdbc.EmbeddedDatabase;
import io.github.dispatchspring.scheduler.jdbc.JdbcCallStore;
import io.github.dispatchspring.scheduler.jdbc.StoreSchema;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store of the embedded scheduler, chosen by {@code dispatch.scheduler.store}: an embedded file
 * database by default, a shared relational database, or the heap.
 */
@Configuration(proxyBeanMethods = false)
final class CallStoreConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "dispatch.scheduler.store", havingValue = "memory")
	static final class MemoryStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CallStore dispatchCallStore() {
			return new InMemoryCallStore(Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "dispatch.scheduler.store", havingValue = "embedded", matchIfMissing = true)
	static final class EmbeddedStoreConfiguration implements DisposableBean {

		private @Nullable EmbeddedDatabase database;

		@Bean
		@ConditionalOnMissingBean
		JdbcCallStore dispatchCallStore(DispatchProperties properties) {
			DispatchProperties.Scheduler scheduler = properties.getScheduler();
			Path directory = Path.of(scheduler.getEmbedded().getDirectory());
			int connections = scheduler.getJdbc().getMaxConnections();
			Duration timeout = scheduler.getJdbc().getConnectionTimeout();
			EmbeddedDatabase database = EmbeddedDatabase.open(directory, scheduler.getDurability(), connections, timeout);
			this.database = database;
			new StoreSchema(database.dataSource(), scheduler.getJdbc().getTablePrefix()).migrate();
			return new JdbcCallStore(database.dataSource(), scheduler.getJdbc().getTablePrefix(), Clock.systemUTC(),
					scheduler.getDurability());
		}

		@Override
		public void destroy() {
			if (this.database != null) {
				this.database.close();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "dispatch.scheduler.store", havingValue = "jdbc")
	static final class JdbcStoreConfiguration implements DisposableBean {

		private @Nullable HikariDataSource pool;

		@Bean
		@ConditionalOnMissingBean
		JdbcCallStore dispatchCallStore(DispatchProperties properties, ObjectProvider<DataSource> applicationDataSource) {
			DispatchProperties.Jdbc jdbc = properties.getScheduler().getJdbc();
			if (jdbc.getUrl() == null) {
				DataSource dataSource = applicationDataSource.getIfAvailable();
				if (dataSource == null) {
					throw new IllegalStateException("dispatch.scheduler.store=jdbc needs a database: set "
							+ "dispatch.scheduler.jdbc.url, or define the application's DataSource (spring.datasource.url)");
				}
				new StoreSchema(dataSource, jdbc.getTablePrefix()).migrate();
				return new JdbcCallStore(dataSource, jdbc.getTablePrefix(), Clock.systemUTC(),
						properties.getScheduler().getDurability());
			}
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setPoolName("dispatch-jdbc");
			dataSource.setJdbcUrl(jdbc.getUrl());
			dataSource.setUsername(jdbc.getUsername());
			dataSource.setPassword(jdbc.getPassword());
			dataSource.setMaximumPoolSize(jdbc.getMaxConnections());
			dataSource.setConnectionTimeout(jdbc.getConnectionTimeout().toMillis());
			this.pool = dataSource;
			new StoreSchema(dataSource, jdbc.getTablePrefix()).migrate();
			return new JdbcCallStore(dataSource, jdbc.getTablePrefix(), Clock.systemUTC(),
					properties.getScheduler().getDurability());
		}

		@Override
		public void destroy() {
			if (this.pool != null) {
				this.pool.close();
			}
		}

	}

}
