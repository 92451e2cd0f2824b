/**
 * The simulated FMC's chrome in three UI languages (the `ui=` switch). FMC 6.x has a "Language Selection"
 * setting (fmc-ui.md section 5): menus, headings and column names may be translated; whether module names, data
 * types and results are is unknown, and Cisco's translated TAC notes keep them in English, so those stay English
 * here whatever the language. The translations are the simulator's own, not Cisco's (which are not public).
 */
export const UI_LANGS = ['en', 'fr', 'ja'] as const;
export type UiLang = (typeof UI_LANGS)[number];

const WORDS = {
  'Health Monitor': { fr: 'Moniteur d’intégrité', ja: 'ヘルスモニタ' },
  'Health Policy': { fr: 'Politique d’intégrité', ja: 'ヘルスポリシー' },
  'Health Events': { fr: 'Événements d’intégrité', ja: 'ヘルスイベント' },
  'Health alerts': { fr: 'Alertes d’intégrité', ja: 'ヘルスアラート' },
  'Message Center': { fr: 'Centre de messages', ja: 'メッセージセンター' },
  Deployments: { fr: 'Déploiements', ja: '展開' },
  Health: { fr: 'Intégrité', ja: 'ヘルス' },
  Tasks: { fr: 'Tâches', ja: 'タスク' },
  Notifications: { fr: 'Notifications', ja: '通知' },
  'Data Type': { fr: 'Type de données', ja: 'データタイプ' },
  Status: { fr: 'État', ja: 'ステータス' },
  Severity: { fr: 'Gravité', ja: '重大度' },
  Device: { fr: 'Équipement', ja: 'デバイス' },
  Module: { fr: 'Module', ja: 'モジュール' },
  Description: { fr: 'Description', ja: '説明' },
  Time: { fr: 'Heure', ja: '時刻' },
  Test: { fr: 'Test', ja: 'テスト' },
  Alert: { fr: 'Alerte', ja: 'アラート' },
  'Last Update': { fr: 'Dernière mise à jour', ja: '最終更新' },
  Critical: { fr: 'Critique', ja: 'クリティカル' },
  Warning: { fr: 'Avertissement', ja: '警告' },
  Normal: { fr: 'Normal', ja: '正常' },
  Recovered: { fr: 'Rétabli', ja: '回復' },
  // A message's state in a notification list (issue 18: a status word after the alert, in its own field).
  Active: { fr: 'Active', ja: 'アクティブ' },
  Unacknowledged: { fr: 'Non acquittée', ja: '未確認' },
  'Health Module': { fr: 'Module d’intégrité', ja: 'ヘルスモジュール' },
  Enabled: { fr: 'Activé', ja: '有効' },
  'Last Modified': { fr: 'Dernière modification', ja: '最終更新日' },
  Actions: { fr: 'Actions', ja: 'アクション' },
  Edit: { fr: 'Modifier', ja: '編集' },
  'Simulate fix': { fr: 'Simuler la correction', ja: '修正をシミュレート' },
  devices: { fr: 'équipements', ja: '台のデバイス' },
  failing: { fr: 'en échec', ja: '台が失敗' },
  // The menu (nav.ts).
  Overview: { fr: 'Vue d’ensemble', ja: '概要' },
  Dashboards: { fr: 'Tableaux de bord', ja: 'ダッシュボード' },
  Reporting: { fr: 'Rapports', ja: 'レポート' },
  Summary: { fr: 'Résumé', ja: 'サマリー' },
  Analysis: { fr: 'Analyse', ja: '分析' },
  Connections: { fr: 'Connexions', ja: '接続' },
  Intrusions: { fr: 'Intrusions', ja: '侵入' },
  Files: { fr: 'Fichiers', ja: 'ファイル' },
  Policies: { fr: 'Politiques', ja: 'ポリシー' },
  'Access Control': { fr: 'Contrôle d’accès', ja: 'アクセス制御' },
  Intrusion: { fr: 'Intrusion', ja: '侵入' },
  'Malware & File': { fr: 'Programmes malveillants et fichiers', ja: 'マルウェアとファイル' },
  Devices: { fr: 'Équipements', ja: 'デバイス' },
  'Device Management': { fr: 'Gestion des équipements', ja: 'デバイス管理' },
  'Platform Settings': { fr: 'Paramètres de la plateforme', ja: 'プラットフォーム設定' },
  Certificates: { fr: 'Certificats', ja: '証明書' },
  Objects: { fr: 'Objets', ja: 'オブジェクト' },
  'Object Management': { fr: 'Gestion des objets', ja: 'オブジェクト管理' },
  'Intrusion Rules': { fr: 'Règles d’intrusion', ja: '侵入ルール' },
  Integration: { fr: 'Intégration', ja: '統合' },
  'Cloud Services': { fr: 'Services cloud', ja: 'クラウドサービス' },
  SecureX: { fr: 'SecureX', ja: 'SecureX' },
  'Other Integrations': { fr: 'Autres intégrations', ja: 'その他の統合' },
  System: { fr: 'Système', ja: 'システム' },
  Configuration: { fr: 'Configuration', ja: '設定' },
  Users: { fr: 'Utilisateurs', ja: 'ユーザー' },
  Monitor: { fr: 'Moniteur', ja: 'モニタ' },
  Policy: { fr: 'Politique', ja: 'ポリシー' },
  Events: { fr: 'Événements', ja: 'イベント' },
  Exclude: { fr: 'Exclure', ja: '除外' },
  Blacklist: { fr: 'Liste noire', ja: 'ブラックリスト' },
  Updates: { fr: 'Mises à jour', ja: '更新' },
  Licenses: { fr: 'Licences', ja: 'ライセンス' },
} as const satisfies Record<string, Record<Exclude<UiLang, 'en'>, string>>;

export type UiWord = keyof typeof WORDS;

/** A chrome word in the page's UI language; English is the key itself. */
export function say(word: UiWord, lang: UiLang): string {
  return lang === 'en' ? word : WORDS[word][lang];
}

/** Menu labels are data in nav.ts; an unknown one stays as it is. */
export function sayLabel(label: string, lang: UiLang): string {
  return label in WORDS ? say(label as UiWord, lang) : label;
}

/** The `ui=` switch of pages that take no other query: an unknown value reads as English. */
export function uiLangOf(params: URLSearchParams): UiLang {
  const raw = params.get('ui');
  return (UI_LANGS as readonly string[]).includes(raw ?? '') ? (raw as UiLang) : 'en';
}
