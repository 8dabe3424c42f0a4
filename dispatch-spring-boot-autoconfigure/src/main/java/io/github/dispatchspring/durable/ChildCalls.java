package io.github.dispatchspring.durable;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;

/**
 * The calls that functions make, as the store of the scheduler that runs them keeps them. A journal
 * of a call this store holds leaves the results of its gathers there and reads them back by the ids
 * the scheduler gave the calls, instead of carrying them from resume to resume.
 */
public interface ChildCalls {

	/**
	 * Whether the store holds the given call, that is, whether the scheduler sharing it runs the call.
	 * @param dispatchId the id of the call
	 * @return {@code true} if the store holds it
	 */
	boolean holds(String dispatchId);

	/**
	 * The ids the scheduler gives the calls a call makes.
	 * @param parentId the id of the call making them
	 * @param calls the calls, with their correlation ids
	 * @return the ids in call order
	 */
	List<String> ids(String parentId, List<Call> calls);

	/**
	 * The results of the given calls that have ended.
	 * @param ids dispatch ids
	 * @return results by dispatch id, of the ended calls only
	 */
	Map<String, CallResult> results(Collection<String> ids);

	/**
	 * Which of the given calls the store holds, ended or not.
	 * @param ids dispatch ids
	 * @return the ids the store holds
	 */
	Set<String> existing(Collection<String> ids);

	/**
	 * The calls a call made, to tell what an earlier run of it asked for.
	 * @param parentId the id of the call
	 * @return its calls with their function and correlation id, in no particular order
	 */
	List<Call> children(String parentId);

}
