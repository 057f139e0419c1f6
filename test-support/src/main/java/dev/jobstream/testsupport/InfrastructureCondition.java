package dev.jobstream.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the tests of a module that uses this test infrastructure when they are asked to run on Testcontainers and
 * no Docker engine answers, so such a run reports skipped tests instead of failed ones. Registered for every test
 * through JUnit's extension auto-detection, which the build turns on.
 */
public final class InfrastructureCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestInfrastructure.wantsContainers() && !TestInfrastructure.dockerAvailable()) {
            return ConditionEvaluationResult.disabled("no Docker engine answers: tests on Testcontainers are skipped");
        }
        return ConditionEvaluationResult.enabled("the test infrastructure is available");
    }
}
