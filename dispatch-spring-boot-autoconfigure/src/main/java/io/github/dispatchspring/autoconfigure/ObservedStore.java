package io.github.dispatchspring.autoconfigure;

import java.util.Locale;

import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.InMemoryCallStore;
import io.github.dispatchspring.scheduler.StoreStatistics;
import io.github.dispatchspring.scheduler.jdbc.JdbcCallStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The scheduler's store as health, metrics and the endpoint show it: its name, the value of the
 * {@code store} tag and detail, and its statistics, from a {@link StoreStatistics} bean or the store
 * itself.
 *
 * @param store the store
 * @param name {@code embedded}, {@code jdbc} or {@code memory}, or the class of an application's own
 * store
 * @param statistics its statistics, or {@code null} when it gives none
 */
record ObservedStore(CallStore store, String name, @Nullable StoreStatistics statistics) {

	static ObservedStore of(CallStore store, ObjectProvider<StoreStatistics> statistics,
			DispatchProperties properties) {
		return new ObservedStore(store, name(store, properties),
				statistics.getIfAvailable(() -> (store instanceof StoreStatistics own) ? own : null));
	}

	static String name(CallStore store, DispatchProperties properties) {
		if (store instanceof InMemoryCallStore) {
			return "memory";
		}
		return (store instanceof JdbcCallStore) ? properties.getScheduler().getStore().name().toLowerCase(Locale.ROOT)
				: store.getClass().getSimpleName();
	}

}
