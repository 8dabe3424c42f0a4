package io.github.dispatchspring.autoconfigure;

import java.time.Clock;

import io.github.dispatchspring.scheduler.FlowControl;
import io.github.dispatchspring.scheduler.FunctionPolicies;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.scheduler.StoreStatistics;
import io.github.dispatchspring.scheduler.jdbc.JdbcCallStore;
import io.github.dispatchspring.scheduler.jdbc.JdbcStoreStatistics;
import io.github.dispatchspring.scheduler.jdbc.StoreSchema;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SQL store on the database of the embedded or the shared store auto-configuration: its schema,
 * migrated once before the store is built, the store, its statistics, and the scheduler's key pair kept
 * in it.
 */
@Configuration(proxyBeanMethods = false)
final class SqlStoreConfiguration {

	@Bean
	StoreSchema dispatchStoreSchema(StoreDataSource dataSource, DispatchProperties properties) {
		return new StoreSchema(dataSource.dataSource(), properties.getScheduler().getJdbc().getTablePrefix());
	}

	@Bean
	JdbcCallStore dispatchCallStore(StoreDataSource dataSource, StoreSchema migrated, DispatchProperties properties,
			Clock clock, ObjectProvider<FunctionPolicies> policies) {
		return new JdbcCallStore(dataSource.dataSource(), properties.getScheduler().getJdbc().getTablePrefix(), clock,
				properties.getScheduler().getDurability(), FlowControl.ofAvailable(policies));
	}

	@Bean
	@ConditionalOnMissingBean
	StoreStatistics dispatchStoreStatistics(StoreDataSource dataSource, StoreSchema migrated,
			DispatchProperties properties) {
		return new JdbcStoreStatistics(dataSource.dataSource(), properties.getScheduler().getJdbc().getTablePrefix());
	}

	@Bean
	@ConditionalOnMissingBean
	SchedulerKeys dispatchSchedulerKeys(JdbcCallStore store) {
		return store.schedulerKeys();
	}

}
