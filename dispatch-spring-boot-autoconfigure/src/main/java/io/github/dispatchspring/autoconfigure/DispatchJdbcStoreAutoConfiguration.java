package io.github.dispatchspring.autoconfigure;

import javax.sql.DataSource;

import io.github.dispatchspring.scheduler.CallStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
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
 * Auto-configuration of the store shared by several instances ({@code dispatch.scheduler.store=jdbc}):
 * PostgreSQL, through a pool of its own when {@code dispatch.scheduler.jdbc.url} is set, otherwise
 * through the application's {@link DataSource}.
 */
@AutoConfiguration(after = DispatchFunctionAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcTemplate.class)
@Conditional(OnTextPropertyCondition.EmbeddedScheduler.class)
@ConditionalOnProperty(name = "dispatch.scheduler.store", havingValue = "jdbc")
@ConditionalOnMissingBean(CallStore.class)
@Import(SqlStoreConfiguration.class)
@EnableConfigurationProperties(DispatchProperties.class)
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

}
