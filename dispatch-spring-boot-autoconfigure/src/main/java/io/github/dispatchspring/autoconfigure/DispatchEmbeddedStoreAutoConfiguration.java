package io.github.dispatchspring.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.scheduler.jdbc.EmbeddedDatabase;
import io.github.dispatchspring.scheduler.jdbc.JdbcCallStore;
import io.github.dispatchspring.scheduler.jdbc.StoreSchema;
import org.sqlite.SQLiteDataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auto-configuration of the embedded store, the default ({@code dispatch.scheduler.store=embedded}):
 * a SQLite file database in {@code dispatch.scheduler.embedded.directory}, locked by this process.
 */
@AutoConfiguration(after = DispatchFunctionAutoConfiguration.class)
@ConditionalOnClass({ SQLiteDataSource.class, HikariDataSource.class, JdbcTemplate.class })
@Conditional(DispatchApiUrlCondition.Embedded.class)
@ConditionalOnProperty(name = "dispatch.scheduler.store", havingValue = "embedded", matchIfMissing = true)
@ConditionalOnMissingBean(CallStore.class)
public final class DispatchEmbeddedStoreAutoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase dispatchEmbeddedDatabase(DispatchProperties properties) {
		DispatchProperties.Scheduler scheduler = properties.getScheduler();
		return EmbeddedDatabase.open(Path.of(scheduler.getEmbedded().getDirectory()), scheduler.getDurability(),
				scheduler.getJdbc().getMaxConnections(), scheduler.getJdbc().getConnectionTimeout());
	}

	/** Creates or migrates the store's tables once, before the store is built. */
	@Bean
	StoreSchema dispatchStoreSchema(EmbeddedDatabase database, DispatchProperties properties) {
		return new StoreSchema(database.dataSource(), properties.getScheduler().getJdbc().getTablePrefix());
	}

	@Bean
	JdbcCallStore dispatchCallStore(EmbeddedDatabase database, StoreSchema schema, DispatchProperties properties,
			Clock clock) {
		return new JdbcCallStore(database.dataSource(), properties.getScheduler().getJdbc().getTablePrefix(), clock,
				properties.getScheduler().getDurability());
	}

	@Bean
	@ConditionalOnMissingBean
	SchedulerKeys dispatchSchedulerKeys(JdbcCallStore store) {
		return store.schedulerKeys();
	}

}
