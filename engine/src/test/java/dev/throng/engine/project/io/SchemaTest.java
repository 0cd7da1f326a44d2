package dev.throng.engine.project.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the shipped JSON Schema and the reader and writer in step. */
class SchemaTest {

    static final String RESOURCE = "/dev/throng/engine/project/throng-project-1.schema.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonNode schema;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("schema resource").isNotNull();
            schema = MAPPER.readTree(in);
        }
    }

    @Test
    void theSchemaIsDraft2020AndStartsAtTheProject() {
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$ref").asText()).isEqualTo("#/$defs/project");
        assertThat(schema.at("/$defs/project/properties/format/const").asText()).isEqualTo(ProjectFiles.FORMAT);
    }

    @Test
    void everyShapeOfTheReaderIsADefinitionWithTheSameMembersInTheSameOrderAndTheSameRequiredOnes() {
        for (Shape shape : Shapes.ALL) {
            JsonNode def = schema.get("$defs").get(shape.name());
            assertThat(def).as("definition of %s", shape.name()).isNotNull();
            var properties = new ArrayList<String>();
            def.get("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("members of %s", shape.name()).isEqualTo(shape.fields());
            Set<String> required = new HashSet<>();
            def.path("required").forEach(n -> required.add(n.asText()));
            assertThat(required).as("required members of %s", shape.name()).isEqualTo(shape.required());
            assertThat(def.get("additionalProperties").asBoolean(true))
                    .as("%s is closed", shape.name())
                    .isFalse();
        }
    }

    @Test
    void everyObjectDefinitionOfTheSchemaIsAShapeOfTheReader() {
        var shapeNames = Shapes.ALL.stream().map(Shape::name).toList();
        for (var it = schema.get("$defs").properties().iterator(); it.hasNext(); ) {
            var def = it.next();
            if (def.getValue().has("properties")) {
                assertThat(shapeNames).as("schema definition %s", def.getKey()).contains(def.getKey());
            }
        }
    }

    @Test
    void theSamplesAreValidAgainstTheSchema() throws IOException {
        var checker = new MiniSchema(schema, true);
        for (Path sample : Samples.projects()) {
            JsonNode tree = MAPPER.readTree(Files.readString(sample));
            assertThat(checker.validate(tree)).as(sample.toString()).isEmpty();
        }
    }

    @Test
    void everythingTheWriterEmitsIsInTheSchemaInOrderAndEveryMemberIsEmittedSomewhere() throws IOException {
        var checker = new MiniSchema(schema, false);
        var generator = new ProjectGenerator(42L);
        for (int i = 0; i < 200; i++) {
            String text = ProjectFiles.write(generator.project());
            assertThat(checker.validate(MAPPER.readTree(text))).as(text).isEmpty();
        }
        Set<String> all = new TreeSet<>();
        for (var it = schema.get("$defs").properties().iterator(); it.hasNext(); ) {
            var def = it.next();
            if (def.getValue().has("properties")) {
                def.getValue().get("properties").fieldNames().forEachRemaining(p -> all.add(def.getKey() + "." + p));
            }
        }
        // the writer leaves an empty body out rather than writing {"type": "none"}; the reader accepts both
        all.remove("bodyNone.type");
        assertThat(checker.seen).isEqualTo(all);
    }

    @Test
    void everyMemberOfTheSchemaIsAcceptedByTheReader() {
        // each shape's members, written with a value of the type the schema gives, are not "unknown fields"
        for (Shape shape : Shapes.ALL) {
            var members = new LinkedHashSet<>(shape.fields());
            var problems = new ArrayList<dev.throng.engine.project.Problem>();
            var node = MAPPER.createObjectNode();
            members.forEach(m -> node.put(m, "x"));
            Members.of(problems, node, "$", shape, shape.name());
            assertThat(problems).as(shape.name()).isEmpty();
        }
    }
}
