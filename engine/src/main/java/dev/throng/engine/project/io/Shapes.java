package dev.throng.engine.project.io;

import java.util.List;

/** Every kind of JSON object in format {@code throng-project/1}. Constants only. */
final class Shapes {

    static final Shape PROJECT = Shape.of(
            "project",
            "format*",
            "name*",
            "description",
            "settings",
            "variables",
            "dataSources",
            "profiles*",
            "flows*",
            "loadPlan*",
            "thresholds");
    static final Shape SETTINGS = Shape.of(
            "settings",
            "baseUrls",
            "headers",
            "timeouts",
            "tls",
            "redirects",
            "connections",
            "localAddresses",
            "maxBodyBytes");
    static final Shape TIMEOUTS = Shape.of("timeouts", "connect", "response", "total");
    static final Shape TLS = Shape.of(
            "tls",
            "verify",
            "trustAll",
            "trustStore",
            "trustStorePassword",
            "clientCertificate",
            "clientCertificatePassword");
    static final Shape REDIRECTS = Shape.of("redirects", "follow", "max");
    static final Shape CONNECTIONS = Shape.of("connections", "policy", "poolSize");
    static final Shape NAME_VALUE = Shape.of("nameValue", "name*", "value*");
    static final Shape DATA_SOURCE = Shape.of("dataSource", "id*", "path*", "delimiter", "policy", "whenExhausted");
    static final Shape PROFILE = Shape.of(
            "profile",
            "name*",
            "weight",
            "fixedCount",
            "thinkTime",
            "startFlow",
            "startProbability",
            "mainFlow*",
            "stopFlow",
            "data");
    static final Shape DATA_BINDING = Shape.of("dataBinding", "source*", "when");

    static final Shape THINK_CONSTANT = Shape.of("thinkTimeConstant", "type*", "pause*");
    static final Shape THINK_BETWEEN = Shape.of("thinkTimeBetween", "type*", "min*", "max*");
    static final Shape THINK_PACING = Shape.of("thinkTimePacing", "type*", "interval*");
    static final Shape THINK_THROUGHPUT = Shape.of("thinkTimeThroughput", "type*", "iterationsPerSecond*");

    static final Shape FLOW = Shape.of("flow", "id*", "name", "steps*", "edges*");
    static final Shape REQUEST = Shape.of(
            "request",
            "id*",
            "type*",
            "name",
            "method*",
            "url*",
            "query",
            "headers",
            "body",
            "extractors",
            "checks",
            "position");
    static final Shape PAUSE = Shape.of("pause", "id*", "type*", "min*", "max", "position");
    static final Shape GROUP = Shape.of("group", "id*", "type*", "name*", "steps*", "position");
    static final Shape POSITION = Shape.of("position", "x*", "y*");

    static final Shape BODY_NONE = Shape.of("bodyNone", "type*");
    static final Shape BODY_TEXT = Shape.of("bodyText", "type*", "contentType", "text*");
    static final Shape BODY_FORM = Shape.of("bodyForm", "type*", "fields*");
    static final Shape BODY_JSON = Shape.of("bodyJson", "type*", "json*");
    static final Shape BODY_FILE = Shape.of("bodyFile", "type*", "path*", "contentType");

    static final Shape EXTRACTOR = Shape.of("extractor", "variable*", "kind*", "expression*", "defaultValue");

    static final Shape CHECK_STATUS = Shape.of("checkStatus", "type*", "codes*");
    static final Shape CHECK_BODY_CONTAINS = Shape.of("checkBodyContains", "type*", "text*");
    static final Shape CHECK_BODY_MATCHES = Shape.of("checkBodyMatches", "type*", "regex*");
    static final Shape CHECK_JSON_VALUE = Shape.of("checkJsonValue", "type*", "path*", "expected*");
    static final Shape CHECK_MAX_DURATION = Shape.of("checkMaxDuration", "type*", "max*");

    static final Shape EDGE = Shape.of("edge", "from*", "to*", "weight", "condition");
    static final Shape CONDITION = Shape.of("condition", "variable*", "op*", "value");

    static final Shape PLAN_CLOSED =
            Shape.of("loadPlanClosed", "type*", "users", "spawnRate", "stages", "duration*", "gracefulStop");
    static final Shape STAGE = Shape.of("stage", "duration*", "target*", "rate");
    static final Shape PLAN_OPEN = Shape.of(
            "loadPlanOpen", "type*", "startRate", "stages", "maxConcurrentUsers*", "duration*", "gracefulStop");
    static final Shape RATE_STAGE = Shape.of("rateStage", "duration*", "target*");
    static final Shape PLAN_CAPACITY = Shape.of(
            "loadPlanCapacity",
            "type*",
            "model",
            "start*",
            "step*",
            "stepMode",
            "hold*",
            "upperBound*",
            "refinements",
            "spawnRate",
            "maxConcurrentUsers",
            "gracefulStop");

    static final Shape THRESHOLD = Shape.of("threshold", "rule*", "scope", "abortOnFail");

    /** Every shape, for the schema test. */
    static final List<Shape> ALL = List.of(
            PROJECT,
            SETTINGS,
            TIMEOUTS,
            TLS,
            REDIRECTS,
            CONNECTIONS,
            NAME_VALUE,
            DATA_SOURCE,
            PROFILE,
            DATA_BINDING,
            THINK_CONSTANT,
            THINK_BETWEEN,
            THINK_PACING,
            THINK_THROUGHPUT,
            FLOW,
            REQUEST,
            PAUSE,
            GROUP,
            POSITION,
            BODY_NONE,
            BODY_TEXT,
            BODY_FORM,
            BODY_JSON,
            BODY_FILE,
            EXTRACTOR,
            CHECK_STATUS,
            CHECK_BODY_CONTAINS,
            CHECK_BODY_MATCHES,
            CHECK_JSON_VALUE,
            CHECK_MAX_DURATION,
            EDGE,
            CONDITION,
            PLAN_CLOSED,
            STAGE,
            PLAN_OPEN,
            RATE_STAGE,
            PLAN_CAPACITY,
            THRESHOLD);

    private Shapes() {}
}
