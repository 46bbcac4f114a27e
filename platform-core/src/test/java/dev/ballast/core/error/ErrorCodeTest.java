package dev.ballast.core.error;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The HTTP statuses MLflow clients expect for each code, and the way back from a status. */
class ErrorCodeTest {

    @Test
    void mapsMlflowCodesToMlflowStatuses() {
        assertEquals(400, ErrorCode.INVALID_PARAMETER_VALUE.httpStatus());
        assertEquals(400, ErrorCode.RESOURCE_ALREADY_EXISTS.httpStatus());
        assertEquals(400, ErrorCode.BAD_REQUEST.httpStatus());
        assertEquals(401, ErrorCode.UNAUTHENTICATED.httpStatus());
        assertEquals(403, ErrorCode.PERMISSION_DENIED.httpStatus());
        assertEquals(404, ErrorCode.RESOURCE_DOES_NOT_EXIST.httpStatus());
        assertEquals(404, ErrorCode.ENDPOINT_NOT_FOUND.httpStatus());
        assertEquals(409, ErrorCode.RESOURCE_CONFLICT.httpStatus());
        assertEquals(429, ErrorCode.REQUEST_LIMIT_EXCEEDED.httpStatus());
        assertEquals(500, ErrorCode.INTERNAL_ERROR.httpStatus());
        assertEquals(501, ErrorCode.NOT_IMPLEMENTED.httpStatus());
        assertEquals(503, ErrorCode.TEMPORARILY_UNAVAILABLE.httpStatus());
    }

    @Test
    void namesTheHttpLayersOwnErrors() {
        assertEquals(ErrorCode.ENDPOINT_NOT_FOUND, ErrorCode.forHttpStatus(404));
        assertEquals(ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.forHttpStatus(405));
        assertEquals(ErrorCode.REQUEST_TOO_LARGE, ErrorCode.forHttpStatus(413));
        assertEquals(ErrorCode.BAD_REQUEST, ErrorCode.forHttpStatus(422));
        assertEquals(ErrorCode.INTERNAL_ERROR, ErrorCode.forHttpStatus(502));
    }

    @Test
    void everyCodeMapsBackToACodeWithTheSameStatus() {
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(code.httpStatus(), ErrorCode.forHttpStatus(code.httpStatus()).httpStatus(), code.name());
        }
    }
}
