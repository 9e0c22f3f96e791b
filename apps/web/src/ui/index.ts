/** MotCua's own UI kit on native HTML (ADR 0004). Styles: tokens.css (design tokens, base) and kit.css. */
export { Button, buttonClass, type ButtonProps, type ButtonVariant } from './button';
export { Checkbox, Select, TextArea, TextField, type SelectOption } from './field';
export { FormErrorSummary, type FormErrorItem } from './form-error-summary';
export { DataTable, type Column, type SortState } from './data-table';
export { Tabs, type TabItem } from './tabs';
export { Dialog } from './dialog';
export { ToastProvider, useToast, type ToastTone } from './toast';
export { StatusTag, type StatusTone } from './status-tag';
export { Countdown, countdownParts } from './countdown';
export { WorkingCountdown, type WorkingCountdownValue } from './working-countdown';
export { Progress, Spinner } from './spinner';
export { Pagination, pageItems } from './pagination';
export { EmptyState } from './empty-state';
export { cx } from './cx';
