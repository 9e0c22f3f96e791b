export {
  api,
  apiRequest,
  currentCsrfToken,
  fetchSession,
  rememberCsrfToken,
  type Infer,
  type Parser,
  type RequestOptions,
  type SessionResponse,
} from './client';
export { ApiError, apiErrorFromProblem, fieldKey, isApiError } from './errors';
export { createQueryClient } from './query-client';
export { useErrorText } from './error-text';
export { checkFields, formErrorsFrom, noFormErrors, type FormErrors } from './form-errors';
