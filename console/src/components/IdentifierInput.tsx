import { useState } from 'react';
import { Input } from 'antd';
import { looksLikeIdNumber, maskIdNumber } from '../lib/pii';

/**
 * One field for a party: a unified social credit code, or a natural person's ID number. An ID number is
 * hidden while typed (password dots) and shown masked (`110105********002X`) once the field is left; the
 * full number stays in this form's memory and goes only into the request body.
 */
export function IdentifierInput({
  value,
  onChange,
  id,
  placeholder,
  testId,
}: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  placeholder?: string;
  testId?: string;
}) {
  const [focused, setFocused] = useState(false);
  const v = value ?? '';
  const isId = looksLikeIdNumber(v);
  if (!focused && isId) {
    return (
      <Input
        id={id}
        value={maskIdNumber(v)}
        readOnly
        onFocus={() => setFocused(true)}
        data-testid={testId}
        data-masked="true"
      />
    );
  }
  return (
    <Input
      id={id}
      value={v}
      type={isId ? 'password' : 'text'}
      autoComplete="off"
      placeholder={placeholder}
      autoFocus={focused}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(e) => onChange?.(e.target.value)}
      data-testid={testId}
    />
  );
}
