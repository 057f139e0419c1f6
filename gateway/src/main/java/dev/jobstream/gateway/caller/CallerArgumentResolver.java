package dev.jobstream.gateway.caller;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies the {@link Caller} parameter of controller methods: the caller {@link CallerAuthentication} found.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
            NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
        Object caller = request.getAttribute(CallerAuthentication.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller instanceof Caller authenticated) {
            return authenticated;
        }
        throw new UnknownCallerException("The request was not authenticated.");
    }
}
