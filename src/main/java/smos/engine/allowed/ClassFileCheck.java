package smos.engine.allowed;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The check of what Java consequences, evals, accumulate expressions and functions compile to. Drools
 * compiles them into classes held in memory; each is read with ASM (already on the classpath through
 * Drools, declared in pom.xml because SMOS uses it directly) and every method, field, dynamic call and
 * method handle its code uses is checked against the {@link CodePolicy}. Reading instructions rather
 * than only the constant pool keeps entries that no code uses (throws clauses) out of the verdict.
 * The classes are read as bytes; none is loaded or run to check it.
 */
final class ClassFileCheck {
    /**
     * What Drools' own templates for those classes call, and what a rule may call on the engine: its
     * name (drools.getRule().getName()) and the fact operations insert, update, modify and delete.
     */
    private static final Set<String> ENGINE = Set.of(
            "org.drools.core.rule.consequence.KnowledgeHelper.getRule",
            "org.drools.core.rule.consequence.KnowledgeHelper.insert",
            "org.drools.core.rule.consequence.KnowledgeHelper.insertLogical",
            "org.drools.core.rule.consequence.KnowledgeHelper.update",
            "org.drools.core.rule.consequence.KnowledgeHelper.delete",
            "org.kie.api.runtime.rule.RuleContext.getRule",
            "org.kie.api.definition.rule.Rule.getName",
            "org.drools.util.bitmask.EmptyBitMask.get",
            "org.drools.util.bitmask.AllSetBitMask.get",
            "org.drools.util.bitmask.AllSetButLastBitMask.get",
            "org.drools.mvel.field.FieldFactory.getInstance",
            "org.drools.mvel.field.FieldFactory.getFieldValue",
            "org.drools.base.rule.Declaration.getValue",
            "org.drools.base.rule.accessor.CompiledInvoker.getMethodBytecode",
            "org.drools.mvel.asm.MethodComparator.getMethodBytecode",
            "org.drools.mvel.asm.MethodComparator.compareBytecode",
            "org.drools.mvel.asm.ConsequenceGenerator.generate",
            "org.drools.mvel.asm.EvalGenerator.generate",
            "org.drools.base.rule.consequence.Consequence.evaluate",
            "org.drools.base.rule.accessor.EvalExpression.evaluate",
            // the invoker templates compare classes by their bytecode; Class offers rule code nothing else
            "java.lang.Object.getClass");
    /** Java's string concatenation is a dynamic call to this factory; no other dynamic call is allowed. */
    private static final String STRING_CONCAT = "java/lang/invoke/StringConcatFactory";

    /** A use the policy refuses: owner and member as source names ({@code java.lang.Runtime.exec}). */
    record Call(String what, String why) {
    }

    private ClassFileCheck() {
    }

    static Set<Call> check(byte[] classFile, CodePolicy policy) {
        Set<Call> calls = new LinkedHashSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean isInterface) {
                        use(owner, member);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                        use(owner, member);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... arguments) {
                        if (!bootstrap.getOwner().equals(STRING_CONCAT)) {
                            calls.add(new Call(source(bootstrap.getOwner()) + "." + bootstrap.getName(),
                                    "a dynamic call (lambda or method reference): rule code calls methods directly"));
                        }
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof Handle handle) {
                            calls.add(new Call(source(handle.getOwner()) + "." + handle.getName(), "a method handle: reflection"));
                        } else if (value instanceof ConstantDynamic constant) {
                            calls.add(new Call(constant.getName(), "a dynamic constant: reflection"));
                        }
                    }

                    private void use(String owner, String member) {
                        if (owner.startsWith("[")) {
                            return; // an array's clone or length
                        }
                        String name = source(owner);
                        if (ENGINE.contains(name + "." + member)) {
                            return;
                        }
                        String why = policy.refusal(name, member);
                        if (why != null) {
                            calls.add(new Call(name.replace('$', '.') + "." + member, why));
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return calls;
    }

    /** {@code java/lang/Runtime} as {@code java.lang.Runtime}; nested classes keep {@code $} (binary names). */
    private static String source(String internalName) {
        return internalName.replace('/', '.');
    }
}
