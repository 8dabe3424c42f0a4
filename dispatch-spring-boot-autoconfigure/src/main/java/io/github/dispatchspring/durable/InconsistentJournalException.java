package io.github.dispatchspring.durable;

import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchStatus;

/**
 * A journal received in a poll result that this SDK could not have written: a size it declares is
 * not matched by what it holds. The request that carried it is malformed, so it cannot be run; the
 * webhook answers it as an invalid argument.
 */
public final class InconsistentJournalException extends DispatchException {

	InconsistentJournalException(String problem) {
		super(DispatchStatus.INVALID_ARGUMENT, "The journal in the poll result is inconsistent: " + problem);
	}

}
