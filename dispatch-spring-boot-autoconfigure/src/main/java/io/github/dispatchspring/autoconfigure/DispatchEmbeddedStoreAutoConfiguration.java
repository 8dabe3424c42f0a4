package io.github.dispatchspring.autoconfigure;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.jdbc.EmbeddedDatabase;
import org.sqlite.SQLiteDataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auto-configuration of the embedded store, the default ({@code dispatch.scheduler.store=embedded}):
 * a SQLite file database in {@code dispatch.scheduler.embedded.directory}, locked by this process.
 */
@AutoConfiguration(after = DispatchFunctionAutoConfiguration.class)
@ConditionalOnClass({ SQLiteDataSource.class, HikariDataSource.class, JdbcTemplate.class })
@Conditional(OnTextPropertyCondition.EmbeddedScheduler.class)
@ConditionalOnProperty(name = "dispatch.scheduler.store", havingValue = "embedded", matchIfMissing = true)
@ConditionalOnMissingBean(CallStore.class)
@Import(SqlStoreConfiguration.class)
@EnableConfigurationProperties(DispatchProperties.class)
public final class DispatchEmbeddedStoreAutoConfiguration {

	@Bean(destroyMethod = "close")
	StoreDataSource dispatchStoreDataSource(DispatchProperties properties) {
		DispatchProperties.Scheduler scheduler = properties.getScheduler();
		EmbeddedDatabase database = EmbeddedDatabase.open(Path.of(scheduler.getEmbedded().getDirectory()),
				scheduler.getDurability(), scheduler.getJdbc().getMaxConnections(),
				scheduler.getJdbc().getConnectionTimeout());
		return new StoreDataSource(database.dataSource(), database);
	}

}
