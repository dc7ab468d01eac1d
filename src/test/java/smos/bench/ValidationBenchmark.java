package smos.bench;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.defs.NotBlankDef;
import org.hibernate.validator.cfg.defs.NotNullDef;
import org.hibernate.validator.cfg.defs.PositiveOrZeroDef;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import smos.engine.CompiledRuleSet;
import smos.engine.DomainRegistry;
import smos.engine.Evaluator;
import smos.request.CrossFieldCheck;
import smos.request.InvalidRequestException;
import smos.request.Json;
import smos.request.RequestReader;
import smos.returns.Claim;
import smos.returns.ReturnsDomain;
import smos.returns.ReturnsRequest;

import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Should the request constraints be Jakarta Bean Validation (Hibernate Validator) instead of our own
 * {@link smos.request.RequestValidator}? The rule we set ourselves: not if it costs more than 10% of
 * in-process decisions per second. Both sides decide the returns scenario mix end to end (JSON bytes in,
 * strict reading, validation, the cross-field check, the rules, the decision); they differ only in the
 * validator. Hibernate Validator gets the same constraints as the records declare (every field required,
 * text not blank, the price not negative, the claim validated in cascade), declared programmatically on
 * the same records so both decide the very same objects; the validator is built once and reused.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValidationBenchmark {

    @State(Scope.Benchmark)
    public static class Loaded {
        /**
         * Which validator: a parameter rather than two methods, so that both can run in one JVM (-f 0) in
         * either order; on a shared, loaded machine separate forks warm up so differently that their
         * figures cannot be compared.
         */
        @Param({"ours", "hibernate"})
        public String validator;

        List<byte[]> json;
        List<ReturnsRequest> typed;
        RequestReader<ReturnsRequest> ours;
        ObjectReader unvalidated;
        Validator hibernate;
        CompiledRuleSet ruleSet;
        ReturnsDomain domain;

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void load() {
            domain = (ReturnsDomain) BenchRequests.domain("returns");
            DomainRegistry registry = new DomainRegistry(BenchRequests.home(), List.of(domain));
            if (!registry.load("returns").ok()) {
                throw new IllegalStateException("returns does not compile");
            }
            ruleSet = registry.state("returns").orElseThrow().active();
            json = BenchRequests.json("returns");
            typed = (List<ReturnsRequest>) (List<?>) BenchRequests.typed(domain);
            ours = new RequestReader<>(ReturnsRequest.class);
            unvalidated = Json.mapper().readerFor(ReturnsRequest.class);
            hibernate = hibernateValidator();
            for (ReturnsRequest request : typed) {
                if (!hibernate.validate(request).isEmpty()) {
                    throw new IllegalStateException("the constraints differ: " + hibernate.validate(request));
                }
            }
        }
    }

    /** The returns contract as Bean Validation constraints; messages interpolated without an EL implementation. */
    static Validator hibernateValidator() {
        HibernateValidatorConfiguration config = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator());
        ConstraintMapping mapping = config.createConstraintMapping();
        mapping.type(ReturnsRequest.class).field("claim").constraint(new NotNullDef()).valid();
        var claim = mapping.type(Claim.class);
        claim.field("claimId").constraint(new NotBlankDef());
        for (String required : List.of("productLine", "condition", "channel", "purchaseDate", "claimDate",
                "reason", "opened", "proofOfPurchase", "registered")) {
            claim.field(required).constraint(new NotNullDef());
        }
        claim.field("purchasePrice").constraint(new NotNullDef()).constraint(new PositiveOrZeroDef());
        return config.addMapping(mapping).buildValidatorFactory().getValidator();
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int next(int size) {
            int i = next;
            next = i + 1 == size ? 0 : i + 1;
            return i;
        }
    }

    /**
     * JSON bytes to decision. Ours: our reader validates as it reads. Hibernate: the same strict reading,
     * Hibernate Validator, our cross-field check (kept in either design), then the same rules.
     */
    @Benchmark
    public Object decide(Loaded loaded, Cursor cursor) throws IOException {
        byte[] json = loaded.json.get(cursor.next(loaded.json.size()));
        ReturnsRequest request;
        if (loaded.validator.equals("ours")) {
            request = loaded.ours.read(json);
        } else {
            request = loaded.unvalidated.readValue(json);
            Set<ConstraintViolation<ReturnsRequest>> violations = loaded.hibernate.validate(request);
            if (!violations.isEmpty()) {
                throw new InvalidRequestException("$", violations.toString());
            }
            crossFieldCheck(request.claim());
        }
        return Evaluator.evaluate(loaded.ruleSet, loaded.domain, request);
    }

    /** Validation alone, on the same parsed requests (with the cross-field check). */
    @Benchmark
    public Object validateOnly(Loaded loaded, Cursor cursor) {
        ReturnsRequest request = loaded.typed.get(cursor.next(loaded.typed.size()));
        if (loaded.validator.equals("ours")) {
            smos.request.RequestValidator.validate(request);
            return request;
        }
        Set<ConstraintViolation<ReturnsRequest>> violations = loaded.hibernate.validate(request);
        crossFieldCheck(request.claim());
        return violations;
    }

    private static void crossFieldCheck(CrossFieldCheck record) {
        record.check((field, message) -> {
            throw new InvalidRequestException(field, message);
        });
    }
}
