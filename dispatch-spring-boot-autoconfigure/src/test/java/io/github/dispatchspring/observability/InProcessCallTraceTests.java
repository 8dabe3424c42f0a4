package io.github.dispatchspring.observability;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The trace and logging context of calls run in-process.
 */
@SpringBootTest(classes = CallTraceTests.TracedApplication.class, webEnvironment = WebEnvironment.NONE)
class InProcessCallTraceTests extends CallTraceTests {

}
