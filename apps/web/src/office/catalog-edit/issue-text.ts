/**
 * Content problems in the officer's language: the server names each rule a content issue breaks with a stable
 * `reason` (@motcua/contracts/catalog-issues) and its `params`; the page says it from `catalog:issues.<reason>`
 * (Vietnamese, or English). An issue without a known reason keeps the server's message.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { contentIssueReasons, type ContentIssueReason } from '@motcua/contracts/catalog-issues';
import type { DescribeIssue, IssueView } from './save-error';

const isReason = (reason: string | undefined): reason is ContentIssueReason =>
  reason !== undefined && (contentIssueReasons as readonly string[]).includes(reason);

export function useIssueText(): DescribeIssue {
  const { t } = useTranslation('catalog');
  return useCallback((issue: IssueView) => (isReason(issue.reason) ? t(`issues.${issue.reason}`, { ...issue.params }) : issue.message), [t]);
}
