import { Result } from 'antd';
import { useLang } from '../i18n';

export function NoPages() {
  const { t } = useLang();
  return (
    <Result
      status="info"
      title={t('此密钥没有可用的页面', 'This key opens no page of the console')}
      subTitle={t('请联系管理员调整权限范围。', 'Ask the administrator for a key with the scopes you need.')}
    />
  );
}
