package io.github.dispatchspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Adds the {@link DispatchTestKit} to a Spring test of the application, such as a
 * {@code @SpringBootTest}: calls are kept in the heap, run only when the kit runs them, on the test's
 * thread, and the application's {@link java.time.Clock} is the kit's virtual clock.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureDispatchTestKit
 * class InvoicingTests {
 *
 *     &#64;Autowired
 *     DispatchTestKit kit;
 *
 * }
 * </pre>
 * The application's embedded scheduler does not start: code that waits for results outside
 * functions (an {@code await} or {@code gather} in a controller or a runner) runs the calls itself,
 * on its own thread.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureDispatchTestKit {

}
