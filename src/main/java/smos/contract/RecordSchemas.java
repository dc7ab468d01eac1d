package smos.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import smos.request.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schema 2020-12 of records, generated with victools jsonschema-generator into one set of named
 * definitions ({@code components/schemas}): the constraints from {@link ContractConstraints}, JSON names
 * from Jackson's annotations, dates and instants as formatted text, enumerations with their values,
 * properties in the records' order, no properties but the declared ones.
 */
final class RecordSchemas {
    private final SchemaBuilder builder;
    private final Map<Class<?>, String> names;

    /**
     * @param names the definition name of each type that must have a given one (a domain's request and
     *              decision); other types are named by {@code fallbackName}
     * @param inputs the records read from requests
     * @param prefixes a name prefix by package: a domain's package gives its types the domain's name
     */
    RecordSchemas(Map<Class<?>, String> names, Set<Class<?>> inputs, Map<String, String> prefixes) {
        this.names = new LinkedHashMap<>(names);
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(Json.mapper(),
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                        Option.FLATTENED_ENUMS, Option.ADDITIONAL_FIXED_TYPES, Option.STANDARD_FORMATS,
                        Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
                        Option.PLAIN_DEFINITION_KEYS, Option.INLINE_NULLABLE_SCHEMAS)
                .without(Option.SCHEMA_VERSION_INDICATOR)
                .with(new JacksonModule())
                .with(new ContractConstraints(inputs));
        config.forTypesInGeneral()
                .withPropertySorter((a, b) -> 0)
                .withDefinitionNamingStrategy((key, context) -> name(key.getType().getErasedType(), prefixes))
                .withCustomDefinitionProvider((type, context) -> {
                    if (anyJson(type.getErasedType())) {
                        return new CustomDefinition(context.getGeneratorConfig().createObjectNode(),
                                CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO);
                    }
                    if (Map.class.isAssignableFrom(type.getErasedType())) {
                        // a map is an object whose values all have the map's value type; no definition of its own
                        ObjectNode map = context.getGeneratorConfig().createObjectNode().put("type", "object");
                        map.set("additionalProperties",
                                context.createDefinitionReference(type.typeParametersFor(Map.class).get(1)));
                        return new CustomDefinition(map, CustomDefinition.DefinitionType.INLINE,
                                CustomDefinition.AttributeInclusion.NO);
                    }
                    return null;
                });
        this.builder = new SchemaGenerator(config.build()).buildMultipleSchemaDefinitions();
    }

    /** A reference to the type's definition; call {@link #definitions()} once every type is referenced. */
    ObjectNode reference(Class<?> type) {
        return builder.createSchemaReference(type);
    }

    /** Every definition referenced so far, by name, with references pointing at {@code #/components/schemas}. */
    ObjectNode definitions() {
        return builder.collectDefinitions("components/schemas");
    }

    /** Untyped JSON (an example request, a decision of any domain) is any JSON value. */
    private static boolean anyJson(Class<?> type) {
        return type == Object.class || JsonNode.class.isAssignableFrom(type);
    }

    private String name(Class<?> type, Map<String, String> prefixes) {
        String given = names.get(type);
        if (given != null) {
            return given;
        }
        String simple = type.getSimpleName();
        String prefix = prefixes.get(type.getPackageName());
        String name = prefix == null || simple.startsWith(prefix) ? simple : prefix + simple;
        Class<?> clash = names.entrySet().stream().filter(e -> e.getValue().equals(name) && e.getKey() != type)
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (clash != null) {
            throw new IllegalStateException("two types would share the schema name " + name + ": " + clash.getName()
                    + " and " + type.getName());
        }
        names.put(type, name);
        return name;
    }
}
