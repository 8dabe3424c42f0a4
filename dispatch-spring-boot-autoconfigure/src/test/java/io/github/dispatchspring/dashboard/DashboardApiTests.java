package io.github.dispatchspring.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.scheduler.CallControl;
import io.github.dispatchspring.scheduler.CallState;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.InMemoryCallStore;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.Transition;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.github.dispatchspring.scheduler.Transitions.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the dashboard's pages and JSON API, protected by the API key, on a store the tests fill
 * themselves: the scheduler is left out, so that no call runs.
 */
@SpringBootTest(properties = { "dispatch.scheduler.store=memory", "dispatch.dashboard.enabled=true",
		"dispatch.api-key=secret",
		"spring.autoconfigure.exclude=io.github.dispatchspring.autoconfigure.DispatchSchedulerAutoConfiguration" })
@AutoConfigureMockMvc
class DashboardApiTests {

	private static final String BEARER = "Bearer secret";

	private static final Duration LEASE = Duration.ofMinutes(1);

	private static final JsonMapper json = new JsonMapper();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private CallStore store;

	@Test
	void refusesTheApiWithoutTheKey() {
		MvcTestResult refused = this.mvc.get().uri("/dispatch/api/overview").exchange();
		MvcTestResult wrongKey = this.mvc.get().uri("/dispatch/api/calls").header(HttpHeaders.AUTHORIZATION, "Bearer x")
			.exchange();

		assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED).containsHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(refused).bodyText().contains("log in to the dashboard");
		assertThat(wrongKey).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void sendsPagesToTheLoginFormWithoutTheKey() {
		assertThat(this.mvc.get().uri("/dispatch/")).hasStatus(HttpStatus.SEE_OTHER)
			.headers()
			.hasValue(HttpHeaders.LOCATION, "/dispatch/login");
		assertThat(this.mvc.get().uri("/dispatch")).hasStatus(HttpStatus.SEE_OTHER)
			.headers()
			.hasValue(HttpHeaders.LOCATION, "/dispatch/");
		assertThat(this.mvc.get().uri("/dispatch/login")).hasStatusOk().bodyText().contains("API key");
		assertThat(this.mvc.get().uri("/dispatch/assets/dashboard.css")).hasStatusOk();
		assertThat(this.mvc.get().uri("/dispatch/assets/../api/overview").exchange().getResponse().getStatus())
			.isNotEqualTo(HttpStatus.OK.value());
	}

	@Test
	void refusesAWrongKeyAtTheLoginForm() {
		MvcTestResult refused = login("not the key");

		assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED).doesNotContainHeader(HttpHeaders.SET_COOKIE);
		assertThat(refused).bodyText().contains("<p class=\"refused\">That is not the API key.");
	}

	@Test
	void logsInWithTheKeyIntoAnHttpOnlyStrictSessionCookie() {
		MvcTestResult login = login("secret");

		assertThat(login).hasStatus(HttpStatus.SEE_OTHER).headers().hasValue(HttpHeaders.LOCATION, "/dispatch/");
		String cookie = login.getResponse().getHeader(HttpHeaders.SET_COOKIE);
		assertThat(cookie).startsWith(DashboardAccess.COOKIE + "=")
			.contains("Path=/dispatch", "HttpOnly", "SameSite=Strict", "Max-Age=28800");
		assertThat(cookie).doesNotContain("secret");
		assertThat(this.mvc.get().uri("/dispatch/api/overview").cookie(session(cookie))).hasStatusOk();
		MvcTestResult page = this.mvc.get().uri("/dispatch/").cookie(session(cookie)).exchange();
		assertThat(page).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(page).headers()
			.containsHeaders("Content-Security-Policy", "X-Frame-Options")
			.hasValue("X-Content-Type-Options", "nosniff");
	}

	@Test
	void refusesAForgedSessionCookie() {
		Cookie forged = new Cookie(DashboardAccess.COOKIE, "99999999999.c2VjcmV0");

		assertThat(this.mvc.get().uri("/dispatch/api/overview").cookie(forged)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void refusesActionsByCookieWithoutTheDashboardsHeader() {
		this.store.add(List.of(call("a", "fn", null, Instant.now().plusSeconds(3600))));
		Cookie session = session(login("secret").getResponse().getHeader(HttpHeaders.SET_COOKIE));

		assertThat(this.mvc.post().uri("/dispatch/api/calls/a/cancel").cookie(session)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.post().uri("/dispatch/api/calls/a/cancel").cookie(session)
			.header(DashboardFilter.ACTION_HEADER, "1")).hasStatusOk();
	}

	@Test
	void listsCallsNewestFirstOnPages() {
		Instant start = Instant.now().plusSeconds(3600);
		for (int i = 0; i < 5; i++) {
			this.store.add(List.of(call("page-" + i, (i % 2 == 0) ? "even" : "odd", null, start.plusSeconds(i))));
		}

		JsonNode first = get("/dispatch/api/calls?search=page-&limit=2");
		JsonNode second = get("/dispatch/api/calls?search=page-&limit=2&after=" + first.get("next").asString());

		assertThat(ids(first)).containsExactly("page-4", "page-3");
		assertThat(ids(second)).containsExactly("page-2", "page-1");
		assertThat(ids(get("/dispatch/api/calls?search=page-&function=odd"))).containsExactly("page-3", "page-1");
		assertThat(ids(get("/dispatch/api/calls?search=page-&from=" + start.plusSeconds(3)))).containsExactly("page-4",
				"page-3");
		assertThat(ids(get("/dispatch/api/calls?search=page-&state=pending&to=" + start.plusSeconds(1))))
			.containsExactly("page-0");
	}

	@Test
	void findsFailedCallsAndSearchesById() {
		ClaimedCall failed = claim(call("search-failed", "fn", null, Instant.now()));
		fail(failed, "Boom", "it broke");

		assertThat(ids(get("/dispatch/api/calls?state=FAILED&search=search-"))).containsExactly("search-failed");
		assertThat(ids(get("/dispatch/api/calls?search=search-failed"))).containsExactly("search-failed");
		assertThat(ids(get("/dispatch/api/calls?search=nothing-like-it"))).isEmpty();
	}

	@Test
	void refusesABadFilter() {
		MvcTestResult refused = this.mvc.get().uri("/dispatch/api/calls?state=lost")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.exchange();

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(refused).bodyText().contains("LOST");
	}

	@Test
	void showsACallWithItsInputErrorHistoryAndTree() {
		this.store.add(List.of(call("tree-root", "job", null, Instant.now().plusSeconds(3600))));
		this.store.add(List.of(new NewCall("tree-child", "greet", "", input("Ada"), "tree-root", "tree-root", 0, false,
				Instant.now(), null)));
		ClaimedCall child = this.store.claim(1, LEASE).get(0);
		record(this.store, new Transition.Retry(child, Instant.now(), false, DispatchStatus.TEMPORARY_ERROR,
				error("Unavailable", "try later")));
		fail(this.store.claim(1, LEASE).get(0), "Boom", "it broke");

		JsonNode call = get("/dispatch/api/calls/tree-child");

		assertThat(call.at("/call/state").asString()).isEqualTo("FAILED");
		assertThat(call.at("/call/status").asString()).isEqualTo("PERMANENT_ERROR");
		assertThat(call.at("/input/json").asString()).isEqualTo("Ada");
		assertThat(call.at("/error/type").asString()).isEqualTo("Boom");
		assertThat(call.at("/error/message").asString()).isEqualTo("it broke");
		assertThat(call.at("/history/0/kind").asString()).isEqualTo("RETRIED");
		assertThat(call.at("/history/0/errorType").asString()).isEqualTo("Unavailable");
		assertThat(call.at("/parent/id").asString()).isEqualTo("tree-root");
		assertThat(call.at("/actions/runAgain").asBoolean()).isTrue();
		assertThat(call.at("/actions/cancel").asBoolean()).isFalse();
		JsonNode root = get("/dispatch/api/calls/tree-root");
		assertThat(root.at("/children/total").asLong()).isEqualTo(1);
		assertThat(root.at("/children/first/calls/0/id").asString()).isEqualTo("tree-child");
	}

	@Test
	void answersNotFoundForACallTheStoreDoesNotHold() {
		assertThat(this.mvc.get().uri("/dispatch/api/calls/unknown").header(HttpHeaders.AUTHORIZATION, BEARER))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post().uri("/dispatch/api/calls/unknown/cancel").header(HttpHeaders.AUTHORIZATION, BEARER))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void cancelsAPendingCallAndItsDescendants() {
		Instant later = Instant.now().plusSeconds(3600);
		this.store.add(List.of(call("cancel-root", "job", null, later)));
		this.store.add(List.of(new NewCall("cancel-child", "greet", "", input("Ada"), "cancel-root", "cancel-root", 0,
				false, later, null)));

		JsonNode cancelled = post("/dispatch/api/calls/cancel-root/cancel", HttpStatus.OK);

		assertThat(cancelled.get("ended").asInt()).isEqualTo(2);
		assertThat(this.store.results(Set.of("cancel-root", "cancel-child")).values())
			.extracting((result) -> result.getError().getType())
			.containsExactly(CallControl.CANCELLED, CallControl.CANCELLED);
		JsonNode refused = post("/dispatch/api/calls/cancel-root/cancel", HttpStatus.CONFLICT);
		assertThat(refused.get("reason").asString()).isEqualTo(CallControl.ENDED);
	}

	@Test
	void runsAFailedCallAgain() {
		fail(claim(call("again", "fn", null, Instant.now())), "Boom", "it broke");

		post("/dispatch/api/calls/again/run-again", HttpStatus.OK);

		InMemoryCallStore store = (InMemoryCallStore) this.store;
		assertThat(store.summary("again").state()).isEqualTo(CallState.PENDING);
		assertThat(store.call("again").history()).extracting((event) -> event.errorType()).containsExactly("Boom");
		assertThat(post("/dispatch/api/calls/again/run-again", HttpStatus.CONFLICT).get("reason").asString())
			.isEqualTo(CallControl.NOT_FAILED);
		this.store.claim(1, LEASE);
	}

	@Test
	void escapesWhatFunctionsWereGivenSoThatItCannotFormMarkup() {
		String markup = "</script><img src=x onerror=alert(1)>";
		this.store.add(List.of(new NewCall("markup", "<b>bold</b>", "", input(markup), null, "markup", 0, false,
				Instant.now().plusSeconds(3600), null)));

		String list = body(this.mvc.get().uri("/dispatch/api/calls?search=markup"));
		String call = body(this.mvc.get().uri("/dispatch/api/calls/markup"));

		assertThat(list).doesNotContain("<", ">").contains("\\u003Cb\\u003Ebold\\u003C/b\\u003E");
		assertThat(call).doesNotContain("<", ">").contains("\\u003Cimg src=x onerror=alert(1)\\u003E");
		assertThat(json.readTree(call).at("/input/json").asString()).isEqualTo(markup);
	}

	private MvcTestResult login(String key) {
		return this.mvc.post()
			.uri("/dispatch/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("key=" + key.replace(" ", "+"))
			.exchange();
	}

	private static Cookie session(String setCookie) {
		String pair = setCookie.substring(0, setCookie.indexOf(';'));
		return new Cookie(DashboardAccess.COOKIE, pair.substring(pair.indexOf('=') + 1));
	}

	private JsonNode get(String uri) {
		return json.readTree(body(this.mvc.get().uri(uri)));
	}

	private String body(MockMvcTester.MockMvcRequestBuilder request) {
		MvcTestResult result = request.header(HttpHeaders.AUTHORIZATION, BEARER).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private JsonNode post(String uri, HttpStatus status) {
		MvcTestResult result = this.mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, BEARER).exchange();
		assertThat(result).hasStatus(status);
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	private ClaimedCall claim(NewCall call) {
		this.store.add(List.of(call));
		List<ClaimedCall> claimed = this.store.claim(1, LEASE);
		assertThat(claimed).extracting(ClaimedCall::id).containsExactly(call.id());
		return claimed.get(0);
	}

	private void fail(ClaimedCall call, String type, String message) {
		record(this.store, new Transition.Complete(call,
				error(type, message).toBuilder().setDispatchId(call.id()).build(), DispatchStatus.PERMANENT_ERROR));
	}

	private static List<String> ids(JsonNode page) {
		return page.get("calls").valueStream().map((call) -> call.get("id").asString()).toList();
	}

	private static NewCall call(String id, String function, String parentId, Instant createdAt) {
		return new NewCall(id, function, "", input(id), parentId, id, 0, false, createdAt, null);
	}

	private static Any input(String value) {
		return Any.pack(StringValue.of(value));
	}

	private static CallResult error(String type, String message) {
		return CallResult.newBuilder().setError(Error.newBuilder().setType(type).setMessage(message)).build();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
