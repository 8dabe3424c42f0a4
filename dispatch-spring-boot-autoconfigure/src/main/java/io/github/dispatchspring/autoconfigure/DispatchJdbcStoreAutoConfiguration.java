package io.github.dispatchspring.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.scheduler.jdbc.JdbcCallStore;
import io.github.dispatchspring.scheduler.jdbc.StoreSchema;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auto-configuration of the store shared by several instances ({@code dispatch.scheduler.store=jdbc}):
 * PostgreSQL, through a pool of its own when {@code dispatch.scheduler.jdbc.url} is set, otherwise
 * through the application's {@link DataSource}.
 */
@AutoConfiguration(after = DispatchFunctionAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcTemplate.class)
@Conditional(DispatchApiUrlCondition.Embedded.class)
@ConditionalOnProperty(name = "dispatch.scheduler.store", havingValue = "jdbc")
@ConditionalOnMissingBean(CallStore.class)
public final class DispatchJdbcStoreAutoConfiguration {

	@Bean(destroyMethod = "close")
	StoreDataSource dispatchStoreDataSource(DispatchProperties properties, ObjectProvider<DataSource> application,
			ConfigurableListableBeanFactory beanFactory) {
		DispatchProperties.Jdbc jdbc = properties.getScheduler().getJdbc();
		if (jdbc.getUrl() != null) {
			return StoreDataSource.pool(jdbc, beanFactory.getBeanClassLoader());
		}
		DataSource dataSource = application.getIfAvailable();
		if (dataSource == null) {
			throw new IllegalStateException("dispatch.scheduler.store=jdbc needs a database: set "
					+ "dispatch.scheduler.jdbc.url, or define the application's DataSource (spring.datasource.url)");
		}
		return new StoreDataSource(dataSource, null);
	}

	/** Creates or migrates the store's tables once, before the store is built. */
	@Bean
	StoreSchema dispatchStoreSchema(StoreDataSource dataSource, DispatchProperties properties) {
		return new StoreSchema(dataSource.dataSource(), properties.getScheduler().getJdbc().getTablePrefix());
	}

	@Bean
	JdbcCallStore dispatchCallStore(StoreDataSource dataSource, StoreSchema schema, DispatchProperties properties,
			Clock clock) {
		return new JdbcCallStore(dataSource.dataSource(), properties.getScheduler().getJdbc().getTablePrefix(), clock,
				properties.getScheduler().getDurability());
	}

	@Bean
	@ConditionalOnMissingBean
	SchedulerKeys dispatchSchedulerKeys(JdbcCallStore store) {
		return store.schedulerKeys();
	}

}
