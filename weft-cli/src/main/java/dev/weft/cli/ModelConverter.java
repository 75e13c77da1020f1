package dev.weft.cli;

import dev.weft.engine.Model;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses --model values, turning a bad one into a usage error that names it. */
final class ModelConverter implements ITypeConverter<Model> {
    @Override
    public Model convert(String value) {
        try {
            return Model.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
